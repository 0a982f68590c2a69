namespace AltoGateway.Dhcp.Leases;

/// <summary>What was wrong with the journal found at start.</summary>
public enum LeaseJournalProblemKind : byte
{
    /// <summary>The last record is incomplete or garbled: the agent died while writing it. Expected after a crash; that record was never acknowledged.</summary>
    TornTail,

    /// <summary>A record in the middle fails its checksum, length, kind or sequence check: the disk or someone changed the file. Records before it are kept, it and all after it are dropped (and preserved aside).</summary>
    CorruptRecord,

    /// <summary>The file does not start with the journal's magic: it is not a lease journal of this format. It is preserved aside, the table starts empty.</summary>
    UnknownFormat,
}

/// <summary>A problem met while reading the journal at start, for the log and the health model.</summary>
/// <param name="Offset">Where in the file the damage starts.</param>
/// <param name="DroppedBytes">How many octets from <paramref name="Offset"/> on were not used.</param>
/// <param name="RecordsKept">Good records before the damage.</param>
/// <param name="PreservedCopy">Where the dropped octets were copied for inspection (null for a torn tail, which holds nothing of value).</param>
public sealed record LeaseJournalProblem(LeaseJournalProblemKind Kind, long Offset, long DroppedBytes, int RecordsKept, string? PreservedCopy);

/// <summary>What the journal held at start: the good records in order, and the problem that ended the reading, if any.</summary>
public sealed record LeaseJournalContents(IReadOnlyList<LeaseRecord> Records, LeaseJournalProblem? Problem);

namespace AltoGateway.Dhcp.Leases;

/// <summary>
/// Reads a lease journal at start: records in order until the end or the first record that is
/// torn or corrupt. What follows a corrupt record (not a torn tail) is copied aside to
/// <c>FILE.damaged-UNIXTIME</c> before the journal is rewritten without it.
/// </summary>
internal static class LeaseJournalReader
{
    public static LeaseJournalContents Read(string path, TimeProvider time)
    {
        if (!File.Exists(path))
        {
            return new LeaseJournalContents([], null);
        }

        var data = File.ReadAllBytes(path);
        if (data.Length < LeaseRecordCodec.HeaderLength || !data.AsSpan(0, LeaseRecordCodec.HeaderLength).SequenceEqual(LeaseRecordCodec.Magic))
        {
            // A file shorter than the magic and a prefix of it: the agent died creating it.
            var prefix = data.Length < LeaseRecordCodec.HeaderLength && LeaseRecordCodec.Magic.StartsWith(data);
            return prefix
                ? new LeaseJournalContents([], data.Length == 0 ? null : new LeaseJournalProblem(LeaseJournalProblemKind.TornTail, 0, data.Length, 0, null))
                : new LeaseJournalContents([], new LeaseJournalProblem(LeaseJournalProblemKind.UnknownFormat, 0, data.Length, 0, Preserve(path, data, 0, time)));
        }

        var records = new List<LeaseRecord>();
        var position = LeaseRecordCodec.HeaderLength;
        while (position < data.Length)
        {
            var rest = data.AsSpan(position);
            var status = LeaseRecordCodec.TryRead(rest, (ulong)records.Count + 1, out var record, out var consumed);
            if (status == LeaseRecordCodec.ReadStatus.Done)
            {
                records.Add(record);
                position += consumed;
                continue;
            }

            var dropped = data.Length - position;
            if (status == LeaseRecordCodec.ReadStatus.Truncated || IsTornTail(rest))
            {
                return new LeaseJournalContents(records, new LeaseJournalProblem(LeaseJournalProblemKind.TornTail, position, dropped, records.Count, null));
            }

            return new LeaseJournalContents(records, new LeaseJournalProblem(LeaseJournalProblemKind.CorruptRecord, position, dropped, records.Count, Preserve(path, data, position, time)));
        }

        return new LeaseJournalContents(records, null);
    }

    /// <summary>
    /// A bad record that is the file's last write: it reaches (or its length field points past) the
    /// end, or the rest is zeros (a file system that extended the file before writing its data).
    /// </summary>
    private static bool IsTornTail(ReadOnlySpan<byte> rest)
    {
        if (!rest.ContainsAnyExcept((byte)0))
        {
            return true;
        }

        var length = rest.Length >= 2 ? rest[0] | (rest[1] << 8) : 0;
        return length >= LeaseRecordCodec.FixedLength && length <= LeaseRecordCodec.MaxLength && length >= rest.Length;
    }

    private static string Preserve(string path, byte[] data, int from, TimeProvider time)
    {
        var copy = $"{path}.damaged-{time.GetUtcNow().ToUnixTimeSeconds()}";
        using var stream = new FileStream(copy, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = LeaseJournal.OwnerOnly });
        stream.Write(data, from, data.Length - from);
        stream.Flush(flushToDisk: true);
        return copy;
    }
}

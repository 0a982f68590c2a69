namespace AltoGateway.Discovery.Dns;

/// <summary>Why a DNS message could not be read: each value is bad data on the wire, never caller misuse.</summary>
public enum DnsReadError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>The message ends in the middle of the header, a question, a record or a name.</summary>
    Truncated,

    /// <summary>A label length byte uses the reserved 01 or 10 prefix (RFC 1035 §4.1.4, RFC 6891 §5).</summary>
    BadLabel,

    /// <summary>A name is longer than 255 octets in wire form (RFC 1035 §2.3.4).</summary>
    NameTooLong,

    /// <summary>A compression pointer leads back into the name being read, so following it would loop.</summary>
    PointerLoop,

    /// <summary>A compression pointer points at or after itself; pointers only lead backwards.</summary>
    PointerForward,

    /// <summary>A compression pointer points beyond the end of the message.</summary>
    PointerOutOfRange,

    /// <summary>A name that must not be compressed carries a pointer (RFC 3403 §4.1 replacement, RFC 3597 §4).</summary>
    CompressionNotAllowed,

    /// <summary>The typed RDATA did not consume exactly RDLENGTH octets.</summary>
    RdataLengthMismatch,

    /// <summary>A section count claims more entries than the remaining bytes could hold.</summary>
    CountTooLarge,

    /// <summary>Bytes follow the last record the counts announce.</summary>
    TrailingBytes,

    /// <summary>An OPT record is outside the additional section, not owned by the root, or not the only one (RFC 6891 §6.1.1).</summary>
    BadOptRecord,
}

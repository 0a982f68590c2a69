namespace AltoGateway.Discovery.Dns;

/// <summary>The single-bit header flags, at their positions in the second 16-bit header word (RFC 1035 §4.1.1).</summary>
[Flags]
public enum DnsHeaderBits : ushort
{
    /// <summary>No flag set.</summary>
    None = 0,

    /// <summary>CD, checking disabled (RFC 4035 §3.2.2).</summary>
    CheckingDisabled = 0x0010,

    /// <summary>AD, authentic data (RFC 4035 §3.2.3).</summary>
    AuthenticData = 0x0020,

    /// <summary>RA, recursion available.</summary>
    RecursionAvailable = 0x0080,

    /// <summary>RD, recursion desired.</summary>
    RecursionDesired = 0x0100,

    /// <summary>TC, the message was truncated (RFC 1035 §4.2.1).</summary>
    Truncated = 0x0200,

    /// <summary>AA, authoritative answer.</summary>
    AuthoritativeAnswer = 0x0400,

    /// <summary>QR, the message is a response.</summary>
    Response = 0x8000,
}

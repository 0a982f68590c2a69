namespace AltoGateway.Discovery.Dns;

/// <summary>
/// The fixed part of a DNS header (RFC 1035 §4.1.1) without the section counts, which follow from the
/// sections themselves. <see cref="Rcode"/> is the low 4 bits only; an OPT record carries the upper 8 (RFC 6891 §6.1.3).
/// </summary>
public readonly record struct DnsHeader(ushort Id, DnsHeaderBits Flags, byte Opcode, byte Rcode)
{
    /// <summary>The known flag bits; the Z bit (0x0040) is reserved and written as zero.</summary>
    internal const ushort FlagMask = 0x8000 | 0x0400 | 0x0200 | 0x0100 | 0x0080 | 0x0020 | 0x0010;

    /// <summary>Opcode QUERY (RFC 1035 §4.1.1).</summary>
    public const byte QueryOpcode = 0;

    /// <summary>Splits the second header word into flags, opcode and RCODE.</summary>
    internal static DnsHeader FromWire(ushort id, ushort word) =>
        new(id, (DnsHeaderBits)(word & FlagMask), (byte)((word >> 11) & 0xF), (byte)(word & 0xF));

    /// <summary>The second header word; bits of Opcode and Rcode beyond 4 are caller misuse and are masked off by the writer's check.</summary>
    internal ushort ToWire() => (ushort)(((ushort)Flags & FlagMask) | ((Opcode & 0xF) << 11) | (Rcode & 0xF));

    /// <summary>Whether <paramref name="flag"/> is set.</summary>
    public bool Has(DnsHeaderBits flag) => (Flags & flag) == flag;
}

namespace AltoGateway.Discovery.Dns;

/// <summary>
/// The EDNS(0) OPT pseudo-record (RFC 6891 §6.1.2–6.1.3): CLASS is the requestor's UDP payload size and TTL
/// packs the extended RCODE, the version and the DO bit (RFC 3225 §3).
/// </summary>
public sealed record DnsOptData(ushort UdpPayloadSize, byte ExtendedRcode, byte Version, bool DnssecOk, IReadOnlyList<EdnsOption> Options)
    : DnsRecordData
{
    private const uint DoBit = 0x8000;

    /// <summary>An OPT with no options.</summary>
    public DnsOptData(ushort udpPayloadSize, bool dnssecOk = false)
        : this(udpPayloadSize, 0, 0, dnssecOk, [])
    {
    }

    /// <summary>The TTL field as RFC 6891 §6.1.3 lays it out; the Z bits are written as zero.</summary>
    internal uint Ttl => ((uint)ExtendedRcode << 24) | ((uint)Version << 16) | (DnssecOk ? DoBit : 0);

    internal static DnsOptData FromWire(ushort @class, uint ttl, IReadOnlyList<EdnsOption> options) =>
        new(@class, (byte)(ttl >> 24), (byte)(ttl >> 16), (ttl & DoBit) != 0, options);

    /// <summary>Equal when every field and every option is equal.</summary>
    public bool Equals(DnsOptData? other) =>
        other is not null && UdpPayloadSize == other.UdpPayloadSize && Ttl == other.Ttl && Options.SequenceEqual(other.Options);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(UdpPayloadSize, Ttl, Options.Count);

    /// <summary>The OPT resource record carrying this data: owner is the root (RFC 6891 §6.1.2).</summary>
    public DnsRecord ToRecord() => new(".", DnsRecordType.Opt, UdpPayloadSize, Ttl, this);
}

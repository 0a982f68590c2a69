using AltoGateway.Alto.Addressing;
using AltoGateway.Discovery.AccessDomains;

namespace AltoGateway.Discovery.Responder;

/// <summary>
/// What the discovery responder serves: the access domains (RFC 7286) with the LAN directory, the
/// reverse zones of the public pool (RFC 8686) with the WAN directory, and the SOA and NS data of every
/// zone. <see cref="ResponderZoneSet.TryBuild"/> checks the values; this type only carries them.
/// </summary>
public sealed record ResponderSettings
{
    /// <summary>The access domains; each is a zone apex holding the ALTO U-NAPTR (RFC 7286 §3.2).</summary>
    public IReadOnlyList<AccessDomainName> AccessDomains { get; init; } = [];

    /// <summary>The directory (IRD) URIs the access domains point at, in preference order (LAN peers use them).</summary>
    public IReadOnlyList<string> AccessDirectoryUris { get; init; } = [];

    /// <summary>The public pool: the prefixes whose reverse names point trackers at this agent (RFC 8686).</summary>
    public IReadOnlyList<AddressPrefix> ReversePrefixes { get; init; } = [];

    /// <summary>The directory (IRD) URIs the reverse names point at, in preference order (trackers use them).</summary>
    public IReadOnlyList<string> ReverseDirectoryUris { get; init; } = [];

    /// <summary>Where the IPv4 reverse names sit: 32 (one per address, R32), 24, 16 or 8 (RFC 8686 §3.3).</summary>
    public int Ipv4ReverseLevel { get; init; } = 32;

    /// <summary>Where the IPv6 reverse names sit: 128 (R128), 64, 56, 48, 40 or 32 (RFC 8686 §3.3).</summary>
    public int Ipv6ReverseLevel { get; init; } = 128;

    /// <summary>The NS host of every zone and the SOA MNAME, absolute.</summary>
    public string NameServer { get; init; } = "localhost.";

    /// <summary>The SOA RNAME: the zone administrator's mailbox in domain-name form (RFC 1035 §3.3.13).</summary>
    public string Hostmaster { get; init; } = "hostmaster.localhost.";

    /// <summary>TTL of the NAPTR, NS and SOA records, seconds.</summary>
    public uint RecordTtl { get; init; } = 3600;

    /// <summary>SOA MINIMUM: how long resolvers cache NXDOMAIN and NODATA (RFC 2308 §4), seconds.</summary>
    public uint NegativeTtl { get; init; } = 300;

    /// <summary>SOA REFRESH, seconds (no zone transfers are served; secondaries are not expected).</summary>
    public uint Refresh { get; init; } = 3600;

    /// <summary>SOA RETRY, seconds.</summary>
    public uint Retry { get; init; } = 600;

    /// <summary>SOA EXPIRE, seconds.</summary>
    public uint Expire { get; init; } = 604800;

    /// <summary>The EDNS UDP payload size this responder advertises and never exceeds over UDP (RFC 6891 §6.2.5).</summary>
    public ushort UdpPayloadSize { get; init; } = 1232;
}

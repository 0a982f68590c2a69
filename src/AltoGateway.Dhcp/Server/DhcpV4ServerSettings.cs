using System.Net;

namespace AltoGateway.Dhcp.ServerMode;

/// <summary>
/// The configuration a DHCPv4 server hands its clients besides the address (RFC 2132): the router (3), the DNS
/// servers (6) and the domain name (15). The subnet mask (1) comes from the lease pool's prefix, the lease time
/// (51) from the lease store, T1 and T2 (58, 59) from the lease time.
/// </summary>
public sealed record DhcpV4ServerSettings
{
    /// <summary>The default gateway (option 3, RFC 2132 §3.5); null: none sent.</summary>
    public IPAddress? Router { get; init; }

    /// <summary>DNS servers in order of preference (option 6, RFC 2132 §3.8); empty: none sent.</summary>
    public IReadOnlyList<IPAddress> DnsServers { get; init; } = [];

    /// <summary>The domain name (option 15, RFC 2132 §3.17), plain ASCII; null: none sent.</summary>
    public string? DomainName { get; init; }
}

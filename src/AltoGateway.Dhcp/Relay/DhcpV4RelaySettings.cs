using System.Net;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Relay;

/// <summary>What a DHCPv4 relay on one client interface does (RFC 1542 §4, RFC 3046).</summary>
public sealed record DhcpV4RelaySettings
{
    /// <summary>
    /// RFC 1542 §4.1.1: a relay MUST silently discard a BOOTREQUEST whose 'hops' exceeds 16 (a relay MAY make it
    /// lower; this one does not).
    /// </summary>
    public const int MaximumHops = 16;

    /// <summary>The DHCP servers; each gets every relayed request, and only their replies are taken back.</summary>
    public required IReadOnlyList<IPAddress> Servers { get; init; }

    /// <summary>
    /// The option 82 added to the requests this relay is the first hop of, and stripped from the replies that echo
    /// it (RFC 3046 §2.1–2.2); null (the default, RFC 3046 §2.1 "SHOULD be configurable, off by default"): none.
    /// </summary>
    public DhcpV4RelayAgentInformation? AgentInformation { get; init; }

    /// <summary>
    /// Whether the client interface is a trusted circuit: a request with 'giaddr' 0 that already carries option 82
    /// is forwarded (without a second 82) rather than dropped (RFC 3046 §2.1).
    /// </summary>
    public bool Trusted { get; init; }
}

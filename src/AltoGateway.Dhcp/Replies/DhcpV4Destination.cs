using System.Net;

namespace AltoGateway.Dhcp.Replies;

/// <summary>Where one DHCPv4 reply is sent, and the RFC 2131 §4.1 rule that chose it.</summary>
/// <param name="Endpoint">Address and UDP port.</param>
/// <param name="Kind">The rule.</param>
public readonly record struct DhcpV4Destination(IPEndPoint Endpoint, DhcpV4DestinationKind Kind)
{
    /// <summary>Whether the datagram is a limited broadcast (the socket needs SO_BROADCAST, and it leaves by the arrival interface).</summary>
    public bool IsBroadcast => Kind is DhcpV4DestinationKind.Broadcast or DhcpV4DestinationKind.BroadcastInsteadOfHardwareUnicast;

    /// <summary>For logs: "192.0.2.77:68 (ClientAddress)".</summary>
    public override string ToString() => $"{Endpoint} ({Kind})";
}

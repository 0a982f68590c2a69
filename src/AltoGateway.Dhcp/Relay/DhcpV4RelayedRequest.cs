using System.Net;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Relay;

/// <summary>What the relay does with a client's BOOTREQUEST: the message to send to each server, or why not.</summary>
public readonly record struct DhcpV4RelayedRequest
{
    /// <summary>The request as forwarded (giaddr, hops, option 82), or null when <see cref="Dropped"/> says why not.</summary>
    public DhcpV4Message? Message { get; private init; }

    /// <summary>Every configured server at port 67 (RFC 2131 §4.1).</summary>
    public IReadOnlyList<IPEndPoint> Servers { get; private init; }

    /// <summary>Why nothing is forwarded; <see cref="DhcpV4RelayDropReason.None"/> with a message.</summary>
    public DhcpV4RelayDropReason Dropped { get; private init; }

    internal static DhcpV4RelayedRequest Forward(DhcpV4Message message, IReadOnlyList<IPEndPoint> servers) => new() { Message = message, Servers = servers };

    internal static DhcpV4RelayedRequest Drop(DhcpV4RelayDropReason reason) => new() { Dropped = reason, Servers = [] };
}

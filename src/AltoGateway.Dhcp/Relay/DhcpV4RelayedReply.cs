using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Relay;

/// <summary>What the relay does with a server's BOOTREPLY: the message for the client and where it goes, or why not.</summary>
public readonly record struct DhcpV4RelayedReply
{
    /// <summary>The reply for the client (option 82 stripped, the ALTO options in), or null when <see cref="Dropped"/> says why not.</summary>
    public DhcpV4Message? Message { get; private init; }

    /// <summary>Where it goes on the client interface (RFC 2131 §4.1, as the relay is the server there).</summary>
    public DhcpV4Destination Destination { get; private init; }

    /// <summary>The largest datagram the client accepts (its option 57 when the relay saw the request, else 548).</summary>
    public int MaximumLength { get; private init; }

    /// <summary>Why nothing is delivered; <see cref="DhcpV4RelayDropReason.None"/> with a message.</summary>
    public DhcpV4RelayDropReason Dropped { get; private init; }

    internal static DhcpV4RelayedReply Deliver(DhcpV4Message message, DhcpV4Destination destination, int maximumLength) =>
        new() { Message = message, Destination = destination, MaximumLength = maximumLength };

    internal static DhcpV4RelayedReply Drop(DhcpV4RelayDropReason reason) => new() { Dropped = reason };
}

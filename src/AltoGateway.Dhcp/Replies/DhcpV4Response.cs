using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Replies;

/// <summary>What a DHCPv4 responder decided for one message: a reply and where it goes, or why there is none.</summary>
public readonly record struct DhcpV4Response
{
    /// <summary>The reply, or null when <see cref="Ignored"/> says why there is none.</summary>
    public DhcpV4Message? Reply { get; private init; }

    /// <summary>Where <see cref="Reply"/> goes (RFC 2131 §4.1).</summary>
    public DhcpV4Destination Destination { get; private init; }

    /// <summary>Why nothing is sent; <see cref="DhcpIgnoreReason.None"/> with a reply.</summary>
    public DhcpIgnoreReason Ignored { get; private init; }

    /// <summary>A reply to <paramref name="request"/>, its destination chosen by <see cref="DhcpV4ReplyDestination.Choose"/>.</summary>
    public static DhcpV4Response Send(DhcpV4Message request, DhcpV4Message reply) =>
        new() { Reply = reply, Destination = DhcpV4ReplyDestination.Choose(request, reply) };

    /// <summary>No answer.</summary>
    public static DhcpV4Response Ignore(DhcpIgnoreReason reason) =>
        reason == DhcpIgnoreReason.None ? throw new ArgumentOutOfRangeException(nameof(reason)) : new() { Ignored = reason };
}

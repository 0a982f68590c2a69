using AltoGateway.Dhcp.V6;

namespace AltoGateway.Dhcp.Replies;

/// <summary>What a DHCPv6 responder decided for one message: a reply to the client at port 546, or why there is none.</summary>
public readonly record struct DhcpV6Response
{
    /// <summary>The client port (RFC 8415 §7.2).</summary>
    public const int ClientPort = 546;

    /// <summary>The reply, or null when <see cref="Ignored"/> says why there is none.</summary>
    public DhcpV6ClientServerMessage? Reply { get; private init; }

    /// <summary>Why nothing is sent; <see cref="DhcpIgnoreReason.None"/> with a reply.</summary>
    public DhcpIgnoreReason Ignored { get; private init; }

    /// <summary>A reply, sent to the request's source address at <see cref="ClientPort"/>.</summary>
    public static DhcpV6Response Send(DhcpV6ClientServerMessage reply) => new() { Reply = reply ?? throw new ArgumentNullException(nameof(reply)) };

    /// <summary>No answer.</summary>
    public static DhcpV6Response Ignore(DhcpIgnoreReason reason) =>
        reason == DhcpIgnoreReason.None ? throw new ArgumentOutOfRangeException(nameof(reason)) : new() { Ignored = reason };
}

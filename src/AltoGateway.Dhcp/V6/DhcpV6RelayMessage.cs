using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace AltoGateway.Dhcp.V6;

/// <summary>
/// Relay-Forw or Relay-Repl (RFC 8415 §9): hop-count, link-address, peer-address and options, among them the
/// Relay Message option (9) that carries the relayed message and, from relays that set it, Interface-Id (18).
/// </summary>
public sealed record DhcpV6RelayMessage : DhcpV6Message
{
    /// <summary>msg-type, hop-count, link-address and peer-address (§9).</summary>
    public const int HeaderLength = 34;

    /// <summary>hop-count.</summary>
    public byte HopCount { get; init; }

    /// <summary>link-address: an address on the link the client is on, or unspecified (§19.1.1).</summary>
    public IPAddress LinkAddress { get; init; } = IPAddress.IPv6Any;

    /// <summary>peer-address: the client's or previous relay's address.</summary>
    public IPAddress PeerAddress { get; init; } = IPAddress.IPv6Any;

    /// <summary>The Interface-Id option's data, or null (§21.18).</summary>
    public ReadOnlyMemory<byte>? InterfaceId => FindOption(DhcpV6OptionCode.InterfaceId)?.Data;

    /// <summary>
    /// A Relay-Forw around <paramref name="relayedWire"/> (the message as received, kept octet for octet), with
    /// Interface-Id first when given and the Relay Message option last.
    /// </summary>
    public static DhcpV6RelayMessage Forward(
        ReadOnlyMemory<byte> relayedWire, byte hopCount, IPAddress linkAddress, IPAddress peerAddress, ReadOnlyMemory<byte>? interfaceId = null)
    {
        var options = new List<DhcpV6Option>(2);
        if (interfaceId is { } id)
        {
            options.Add(new DhcpV6Option(DhcpV6OptionCode.InterfaceId, id));
        }

        options.Add(new DhcpV6Option(DhcpV6OptionCode.RelayMessage, relayedWire));
        return new DhcpV6RelayMessage
        {
            MessageType = DhcpV6MessageType.RelayForward,
            HopCount = hopCount,
            LinkAddress = linkAddress,
            PeerAddress = peerAddress,
            Options = options,
        };
    }

    /// <summary>The relayed message, read from option 9; false when it is absent or unreadable.</summary>
    public bool TryGetRelayedMessage([NotNullWhen(true)] out DhcpV6Message? relayed)
    {
        relayed = null;
        return FindOption(DhcpV6OptionCode.RelayMessage) is { } option && DhcpV6Reader.TryRead(option.Data.Span, out relayed, out _);
    }
}

using System.Net;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.ServerMode;

/// <summary>
/// Shapes the server's DHCPOFFER, DHCPACK and DHCPNAK from the client's message, field by field as RFC 2131 Table 3
/// says: 'op' BOOTREPLY; 'htype', 'hlen', 'xid', 'flags', 'giaddr' and 'chaddr' from the client; 'hops', 'secs',
/// 'siaddr', 'sname' and 'file' zero. Option 53 and 54 come first, then the given options; the client identifier
/// (61) is echoed (RFC 6842 §3) and the relay agent information (82) last (RFC 3046 §2.2).
/// </summary>
public static class DhcpV4ServerMessages
{
    /// <summary>DHCPOFFER: 'ciaddr' 0, 'yiaddr' the offered address.</summary>
    public static DhcpV4Message Offer(DhcpV4Message request, IPAddress serverIdentifier, IPAddress offered, IEnumerable<DhcpV4Option> options) =>
        Offer(request, ServerIdentifierOption(serverIdentifier), offered, options);

    /// <inheritdoc cref="Offer(DhcpV4Message, IPAddress, IPAddress, IEnumerable{DhcpV4Option})"/>
    /// <param name="serverIdentifier">Option 54, made once by the caller (<see cref="ServerIdentifierOption"/>).</param>
    public static DhcpV4Message Offer(DhcpV4Message request, DhcpV4Option serverIdentifier, IPAddress offered, IEnumerable<DhcpV4Option> options) =>
        Create(request, DhcpV4MessageType.Offer, serverIdentifier, IPAddress.Any, offered, request.Flags, options);

    /// <summary>DHCPACK of a DHCPREQUEST: 'ciaddr' from the request (set when renewing or rebinding), 'yiaddr' the bound address.</summary>
    public static DhcpV4Message Ack(DhcpV4Message request, IPAddress serverIdentifier, IPAddress bound, IEnumerable<DhcpV4Option> options) =>
        Ack(request, ServerIdentifierOption(serverIdentifier), bound, options);

    /// <inheritdoc cref="Ack(DhcpV4Message, IPAddress, IPAddress, IEnumerable{DhcpV4Option})"/>
    /// <param name="serverIdentifier">Option 54, made once by the caller (<see cref="ServerIdentifierOption"/>).</param>
    public static DhcpV4Message Ack(DhcpV4Message request, DhcpV4Option serverIdentifier, IPAddress bound, IEnumerable<DhcpV4Option> options)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Create(request, DhcpV4MessageType.Ack, serverIdentifier, request.ClientAddress, bound, request.Flags, options);
    }

    /// <summary>
    /// DHCPNAK: 'ciaddr' and 'yiaddr' 0, option 56 with <paramref name="message"/> and nothing but 53, 54, 56 and
    /// 61 (Table 3: every other option MUST NOT). Relayed, it carries the broadcast bit (RFC 2131 §4.3.2: "the
    /// server MUST set the broadcast bit in the DHCPNAK" when 'giaddr' is set, so the relay broadcasts it).
    /// </summary>
    public static DhcpV4Message Nak(DhcpV4Message request, IPAddress serverIdentifier, string message)
    {
        ArgumentNullException.ThrowIfNull(request);
        var flags = request.GatewayAddress.Equals(IPAddress.Any) ? request.Flags : (ushort)(request.Flags | DhcpV4Message.BroadcastFlag);
        return Create(request, DhcpV4MessageType.Nak, ServerIdentifierOption(serverIdentifier), IPAddress.Any, IPAddress.Any, flags,
            [DhcpV4Option.FromText(DhcpV4ServerOptionCode.Message, message)]);
    }

    /// <summary>Option 54 (RFC 2132 §9.7) for <paramref name="serverIdentifier"/>.</summary>
    public static DhcpV4Option ServerIdentifierOption(IPAddress serverIdentifier)
    {
        ArgumentNullException.ThrowIfNull(serverIdentifier);
        return DhcpV4Option.FromAddress(DhcpV4OptionCode.ServerIdentifier, serverIdentifier);
    }

    /// <summary>Option 53 of each reply type, made once.</summary>
    private static readonly DhcpV4Option[] MessageTypeOptions = [.. Enumerable.Range(0, 256).Select(type => new DhcpV4Option(DhcpV4OptionCode.MessageType, new[] { (byte)type }))];

    private static DhcpV4Message Create(
        DhcpV4Message request, DhcpV4MessageType type, DhcpV4Option serverIdentifier, IPAddress clientAddress, IPAddress yourAddress, ushort flags, IEnumerable<DhcpV4Option> options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(serverIdentifier);
        ArgumentNullException.ThrowIfNull(options);
        var all = new List<DhcpV4Option>(options.TryGetNonEnumeratedCount(out var count) ? count + 3 : 16) { MessageTypeOptions[(byte)type], serverIdentifier };
        all.AddRange(options);
        if (request.FindOption(DhcpV4OptionCode.ClientIdentifier) is { } clientIdentifier)
        {
            all.Add(clientIdentifier);
        }

        return request.ReplyWith(clientAddress, yourAddress, flags, all);
    }
}

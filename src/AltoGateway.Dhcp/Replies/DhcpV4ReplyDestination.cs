using System.Net;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Replies;

/// <summary>
/// Where a server's reply to a client's message goes (RFC 2131 §4.1), as a pure function of the two headers.
/// </summary>
public static class DhcpV4ReplyDestination
{
    /// <summary>The server port, where relays listen too (RFC 2131 §4.1).</summary>
    public const int ServerPort = 67;

    /// <summary>The client port (RFC 2131 §4.1).</summary>
    public const int ClientPort = 68;

    /// <summary>
    /// RFC 2131 §4.1, in its order: 'giaddr' set → the relay at giaddr:67; else a DHCPNAK → broadcast ("in all
    /// cases, when 'giaddr' is zero, the server broadcasts any DHCPNAK"); else 'ciaddr' set → unicast to ciaddr:68;
    /// else the broadcast bit → 255.255.255.255:68; else unicast to chaddr/yiaddr, which the agent replaces by a
    /// broadcast (<see cref="DhcpV4DestinationKind.BroadcastInsteadOfHardwareUnicast"/>).
    /// </summary>
    public static DhcpV4Destination Choose(DhcpV4Message request, DhcpV4Message reply)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reply);
        if (!IsZero(request.GatewayAddress))
        {
            return new DhcpV4Destination(new IPEndPoint(request.GatewayAddress, ServerPort), DhcpV4DestinationKind.Relay);
        }

        var broadcast = new IPEndPoint(IPAddress.Broadcast, ClientPort);
        if (reply.MessageType == DhcpV4MessageType.Nak)
        {
            return new DhcpV4Destination(broadcast, DhcpV4DestinationKind.Broadcast);
        }

        if (!IsZero(request.ClientAddress))
        {
            return new DhcpV4Destination(new IPEndPoint(request.ClientAddress, ClientPort), DhcpV4DestinationKind.ClientAddress);
        }

        return request.IsBroadcast || IsZero(reply.YourAddress)
            ? new DhcpV4Destination(broadcast, DhcpV4DestinationKind.Broadcast)
            : new DhcpV4Destination(broadcast, DhcpV4DestinationKind.BroadcastInsteadOfHardwareUnicast);
    }

    private static bool IsZero(IPAddress address) => address.Equals(IPAddress.Any);
}

using System.Net;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.Tests.V4;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Tests.Replies;

/// <summary>RFC 2131 §4.1: where a server sends its reply, rule by rule and in the RFC's order of precedence.</summary>
public class DhcpV4ReplyDestinationTests
{
    public static TheoryData<string, string, ushort, byte, string, string, DhcpV4DestinationKind> Cases => new()
    {
        // giaddr, ciaddr, flags, reply type, yiaddr → endpoint, kind
        { "198.51.100.1", "0.0.0.0", 0x8000, 5, "192.0.2.10", "198.51.100.1:67", DhcpV4DestinationKind.Relay },
        { "198.51.100.1", "192.0.2.77", 0, 5, "0.0.0.0", "198.51.100.1:67", DhcpV4DestinationKind.Relay },
        { "198.51.100.1", "0.0.0.0", 0, 6, "0.0.0.0", "198.51.100.1:67", DhcpV4DestinationKind.Relay }, // a NAK goes to the relay too
        { "0.0.0.0", "192.0.2.77", 0, 6, "0.0.0.0", "255.255.255.255:68", DhcpV4DestinationKind.Broadcast }, // NAK without giaddr: always broadcast
        { "0.0.0.0", "192.0.2.77", 0x8000, 5, "0.0.0.0", "192.0.2.77:68", DhcpV4DestinationKind.ClientAddress }, // ciaddr wins over the broadcast bit
        { "0.0.0.0", "0.0.0.0", 0x8000, 2, "192.0.2.10", "255.255.255.255:68", DhcpV4DestinationKind.Broadcast },
        { "0.0.0.0", "0.0.0.0", 0, 2, "192.0.2.10", "255.255.255.255:68", DhcpV4DestinationKind.BroadcastInsteadOfHardwareUnicast },
        { "0.0.0.0", "0.0.0.0", 0, 5, "0.0.0.0", "255.255.255.255:68", DhcpV4DestinationKind.Broadcast }, // nothing to unicast to
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reply_goes_where_rfc_2131_section_4_1_says(string giaddr, string ciaddr, ushort flags, byte type, string yiaddr, string endpoint, DhcpV4DestinationKind kind)
    {
        var request = DhcpV4Reader.Read(DhcpV4Packets.Build(1, "3501 03 ff", ciaddr: ciaddr, giaddr: giaddr, flags: flags));
        var reply = new DhcpV4Message
        {
            Operation = DhcpV4Operation.BootReply,
            YourAddress = IPAddress.Parse(yiaddr),
            Options = [new DhcpV4Option(DhcpV4OptionCode.MessageType, new[] { type })],
        };

        var destination = DhcpV4ReplyDestination.Choose(request, reply);

        Assert.Equal(IPEndPoint.Parse(endpoint), destination.Endpoint);
        Assert.Equal(kind, destination.Kind);
        Assert.Equal(kind is DhcpV4DestinationKind.Broadcast or DhcpV4DestinationKind.BroadcastInsteadOfHardwareUnicast, destination.IsBroadcast);
    }
}

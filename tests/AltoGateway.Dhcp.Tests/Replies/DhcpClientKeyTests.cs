using System.Net;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.Tests.V4;
using AltoGateway.Dhcp.Tests.V6;
using AltoGateway.Dhcp.V4;
using AltoGateway.Dhcp.V6;

namespace AltoGateway.Dhcp.Tests.Replies;

/// <summary>Per-client keys for rate limits: option 61 before chaddr (RFC 2131 §4.2), the DUID before the source address.</summary>
public class DhcpClientKeyTests
{
    [Fact]
    public void A_v4_client_is_its_client_identifier_else_its_hardware_address()
    {
        Assert.Equal("v4:id:01000c295a1b2c", DhcpClientKey.ForV4(DhcpV4Reader.Read(DhcpV4Packets.Discover())));
        Assert.Equal("v4:hw:01000c295a1b2c", DhcpClientKey.ForV4(DhcpV4Reader.Read(DhcpV4Packets.Inform())));
    }

    [Fact]
    public void A_v6_client_is_its_duid_else_its_source_address()
    {
        var withId = DhcpV6Reader.Read(DhcpV6Vectors.InformationRequest);
        var without = new DhcpV6ClientServerMessage { MessageType = DhcpV6MessageType.InformationRequest };

        Assert.Equal("v6:duid:00030001000c295a1b2c", DhcpClientKey.ForV6(withId, IPAddress.IPv6Loopback));
        Assert.Equal("v6:addr:fe80::1", DhcpClientKey.ForV6(without, IPAddress.Parse("fe80::1")));
    }
}

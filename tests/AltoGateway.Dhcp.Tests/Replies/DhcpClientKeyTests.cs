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
    public void A_v4_client_is_its_client_identifier_else_its_hardware_address_the_same_key_either_way()
    {
        // The DISCOVER carries option 61 = 01:MAC, the INFORM no option 61 and htype 1 with the same MAC: one client,
        // one key, as the lease table keys it (RFC 2131 §4.2).
        Assert.Equal("v4:01000c295a1b2c", DhcpClientKey.ForV4(DhcpV4Reader.Read(DhcpV4Packets.Discover())));
        Assert.Equal("v4:01000c295a1b2c", DhcpClientKey.ForV4(DhcpV4Reader.Read(DhcpV4Packets.Inform())));

        // Another identifier (an RFC 4361 DUID, type 255) is its own key; a lone type octet keys nothing.
        var discover = DhcpV4Reader.Read(DhcpV4Packets.Discover());
        var withDuid = discover with { Options = [.. discover.Options.Where(o => o.Code != 61), new DhcpV4Option(61, new byte[] { 255, 0, 0, 0, 1, 0, 3 })] };
        var loneType = discover with { Options = [.. discover.Options.Where(o => o.Code != 61), new DhcpV4Option(61, new byte[] { 1 })] };
        Assert.Equal("v4:ff000000010003", DhcpClientKey.ForV4(withDuid));
        Assert.Equal("v4:01000c295a1b2c", DhcpClientKey.ForV4(loneType));
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

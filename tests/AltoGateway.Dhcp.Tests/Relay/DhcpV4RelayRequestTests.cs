using System.Net;
using AltoGateway.Dhcp.Relay;
using AltoGateway.Dhcp.Tests.V4;
using AltoGateway.Dhcp.V4;
using static AltoGateway.Dhcp.Tests.Relay.RelayFixtures;

namespace AltoGateway.Dhcp.Tests.Relay;

/// <summary>
/// Client → server (RFC 1542 §4.1, RFC 3046 §2.1): 'giaddr' and 'hops', option 82 added last before End and only
/// when configured, the trust rule, and every server getting the request at port 67 with the rest untouched.
/// </summary>
public class DhcpV4RelayRequestTests
{
    [Fact]
    public void A_first_hop_request_gets_our_giaddr_and_one_more_hop_and_goes_to_every_server_at_port_67()
    {
        var discover = Read(DhcpV4Packets.Discover());

        var forward = NewRelay().ForwardRequest(discover, InterfaceAddress);

        Assert.Equal(DhcpV4RelayDropReason.None, forward.Dropped);
        var forwarded = forward.Message!;
        Assert.Equal(InterfaceAddress, forwarded.GatewayAddress);
        Assert.Equal(1, forwarded.Hops);
        Assert.Equal([new IPEndPoint(ServerA, 67), new IPEndPoint(ServerB, 67)], forward.Servers);

        // Everything else as the client sent it, the broadcast bit included (RFC 1542 §4.1.2), and no option 82 by default.
        Assert.Equal(DhcpV4Packets.Discover()[..24], Wire(forwarded)[..24].Select((b, i) => i == 3 ? (byte)0 : b).ToArray());
        Assert.Equal(Listing(discover.Options), Listing(forwarded.Options));
        Assert.True(forwarded.IsBroadcast);
    }

    [Fact]
    public void A_giaddr_set_by_a_relay_nearer_the_client_is_kept_and_no_option_82_is_added()
    {
        var relayed = Read(DhcpV4Packets.Build(1, "3501 01 ff", giaddr: "203.0.113.1")) with { Hops = 2 };

        var forwarded = NewRelay(Option82).ForwardRequest(relayed, InterfaceAddress).Message!;

        Assert.Equal(IPAddress.Parse("203.0.113.1"), forwarded.GatewayAddress);
        Assert.Equal(3, forwarded.Hops);
        Assert.Null(forwarded.FindOption(DhcpV4OptionCode.RelayAgentInformation));
    }

    [Theory]
    [InlineData(15, true)]
    [InlineData(16, true)]
    [InlineData(17, false)]
    [InlineData(255, false)]
    public void Requests_with_hops_over_16_are_dropped(byte hops, bool relayed)
    {
        var request = Read(DhcpV4Packets.Discover()) with { Hops = hops };

        var forward = NewRelay().ForwardRequest(request, InterfaceAddress);

        Assert.Equal(relayed ? DhcpV4RelayDropReason.None : DhcpV4RelayDropReason.TooManyHops, forward.Dropped);
        if (relayed)
        {
            Assert.Equal(hops + 1, forward.Message!.Hops);
        }
    }

    [Fact]
    public void Option_82_when_configured_is_the_last_option_before_end_and_every_other_option_octet_is_unchanged()
    {
        var discover = DhcpV4Packets.Discover();

        var forwarded = NewRelay(Option82).ForwardRequest(Read(discover), InterfaceAddress).Message!;
        var wire = Wire(forwarded);

        // The client's options field up to End, then 82 with sub-options 1 "eth1" and 2 "cpe-17", then End.
        var clientOptions = OptionsField(discover);
        var expected = clientOptions[..^1].Concat(DhcpV4Packets.Hex("520e 0104 65746831 0206 6370652d3137 ff")).ToArray();
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(OptionsField(wire)));
        Assert.True(forwarded.TryGetRelayAgentInformation(out var information));
        Assert.Equal("eth1"u8.ToArray(), information.CircuitId!.Value.ToArray());
        Assert.Equal("cpe-17"u8.ToArray(), information.RemoteId!.Value.ToArray());
    }

    [Fact]
    public void An_untrusted_interface_drops_a_request_with_giaddr_0_that_already_carries_option_82()
    {
        var spoofed = Read(DhcpV4Packets.Build(1, "3501 01 5206 0104 666f6f30 ff"));

        Assert.Equal(DhcpV4RelayDropReason.UntrustedRelayAgentInformation, NewRelay().ForwardRequest(spoofed, InterfaceAddress).Dropped);
        Assert.Equal(DhcpV4RelayDropReason.UntrustedRelayAgentInformation, NewRelay(Option82).ForwardRequest(spoofed, InterfaceAddress).Dropped);
    }

    [Fact]
    public void A_trusted_interface_forwards_it_with_its_own_option_82_and_never_adds_a_second()
    {
        var snooped = Read(DhcpV4Packets.Build(1, "3501 01 5206 0104 666f6f30 ff"));

        var forwarded = NewRelay(Option82, trusted: true).ForwardRequest(snooped, InterfaceAddress).Message!;

        Assert.Equal(InterfaceAddress, forwarded.GatewayAddress);
        Assert.Equal(Listing(snooped.Options), Listing(forwarded.Options));
    }

    [Fact]
    public void A_bootreply_is_not_forwarded_to_the_servers()
    {
        Assert.Equal(DhcpV4RelayDropReason.WrongDirection, NewRelay().ForwardRequest(Offer(), InterfaceAddress).Dropped);
    }
}

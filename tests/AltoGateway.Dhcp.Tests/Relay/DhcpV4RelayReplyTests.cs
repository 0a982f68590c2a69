using System.Net;
using System.Text;
using AltoGateway.Dhcp.Relay;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.Tests.V4;
using AltoGateway.Dhcp.V4;
using Microsoft.Extensions.Time.Testing;
using static AltoGateway.Dhcp.Tests.Relay.RelayFixtures;

namespace AltoGateway.Dhcp.Tests.Relay;

/// <summary>
/// Server → client: only configured servers' replies to our 'giaddr', option 82 stripped when it is ours
/// (RFC 3046 §2.1), the ALTO options put in per the client's PRL with every other option octet for octet and in
/// order, and delivery per RFC 2131 §4.1.
/// </summary>
public class DhcpV4RelayReplyTests
{
    private static readonly Func<IPAddress, string?> PeerIds = address => address.ToString() == "192.0.2.10" || address.ToString() == "192.0.2.77" ? PeerId : null;

    [Fact]
    public void A_reply_from_a_host_that_is_not_a_configured_server_is_dropped()
    {
        var back = NewRelay().ReturnReply(Offer(), IPAddress.Parse("198.51.100.66"), InterfaceAddresses, PeerIds);

        Assert.Equal(DhcpV4RelayDropReason.UnknownServer, back.Dropped);
        Assert.Null(back.Message);
    }

    [Fact]
    public void A_reply_whose_giaddr_is_not_ours_is_dropped()
    {
        var back = NewRelay().ReturnReply(Offer() with { GatewayAddress = IPAddress.Parse("203.0.113.1") }, ServerA, InterfaceAddresses, PeerIds);

        Assert.Equal(DhcpV4RelayDropReason.NotOurGatewayAddress, back.Dropped);
    }

    [Fact]
    public void The_alto_options_the_client_asked_for_go_after_the_servers_options_which_stay_octet_for_octet_in_order()
    {
        var memory = new DhcpV4RelayRequestMemory(new FakeTimeProvider());
        var relay = NewRelay(memory: memory);
        relay.ForwardRequest(Read(DhcpV4Packets.Discover()), InterfaceAddress); // PRL 1 3 6 15 213
        var offer = Offer();

        var back = relay.ReturnReply(offer, ServerA, InterfaceAddresses, PeerIds);

        Assert.Equal(DhcpV4RelayDropReason.None, back.Dropped);
        var options = back.Message!.Options;
        Assert.Equal(Listing(offer.Options), Listing(options.Take(offer.Options.Count)));
        Assert.Equal(["213: 076578616D706C65036E657400"], Listing(options.Skip(offer.Options.Count)));

        // On the wire: the server's TLVs untouched, then 213 with its length, then End.
        var serverField = OptionsField(Wire(offer));
        var relayed = OptionsField(Wire(back.Message));
        Assert.Equal(Convert.ToHexString(serverField[..^1]) + "D50D076578616D706C65036E657400FF", Convert.ToHexString(relayed));
    }

    [Fact]
    public void Options_the_server_sent_with_our_codes_are_replaced_in_place_with_their_lengths_fixed()
    {
        var relay = NewRelay(alto: AltoSettings with { AlwaysSend = true });
        var uri = Encoding.ASCII.GetBytes(DirectoryUri.AbsoluteUri);

        // The server sends 213 "a.b." (5 octets) and 234 "x" before 42; ours take their places, longer.
        var offer = Offer(extra: "d505 0161 0162 00" + "ea01 78" + "1a02 05dc");
        var back = relay.ReturnReply(offer, ServerA, InterfaceAddresses, PeerIds);
        var options = back.Message!.Options;

        Assert.Equal(offer.Options.Select(o => o.Code).Append((byte)125), options.Select(o => o.Code));
        Assert.Equal("076578616D706C65036E657400", Convert.ToHexString(options.Single(o => o.Code == 213).Data.Span));
        Assert.Equal(uri, options.Single(o => o.Code == 234).Data.ToArray());
        foreach (var (before, after) in offer.Options.Zip(options).Where(p => p.First.Code is not (213 or 234)))
        {
            Assert.Equal(before.ToString(), after.ToString());
        }

        var relayed = Read(Wire(back.Message));
        Assert.Equal(Listing(options), Listing(relayed.Options)); // every length on the wire matches its data
    }

    [Fact]
    public void Option_125_keeps_other_enterprises_and_replaces_ours()
    {
        var relay = NewRelay(alto: AltoSettings with { AlwaysSend = true });

        // Enterprise 4491 (CableLabs) with sub-option 1 = 0xAB, then ours (32473) with stale data.
        var offer = Offer(extra: "7d11" + "0000118b 03 0101ab" + "00007ed9 04 01020100");
        var back = relay.ReturnReply(offer, ServerA, InterfaceAddresses, PeerIds);

        Assert.True(DhcpV4VendorIdentifyingOption.TryRead(back.Message!.FindOption(125)!.Data, out var vendors, out _));
        Assert.Equal([4491u, 32473u], vendors.Select(v => v.EnterpriseNumber));
        Assert.Equal("AB", Convert.ToHexString(vendors[0].Find(1)!.Value.Span));
        Assert.Equal(DirectoryUri.AbsoluteUri, Encoding.ASCII.GetString(vendors[1].Find(1)!.Value.Span));
        Assert.Equal(PeerId, Encoding.ASCII.GetString(vendors[1].Find(2)!.Value.Span));
    }

    public static TheoryData<string, int[]> PrlCases => new()
    {
        { "0103", [] },
        { "d5", [213] },
        { "ea", [234] },
        { "7d", [125] },
        { "7dead5", [213, 234, 125] },
    };

    [Theory]
    [MemberData(nameof(PrlCases))]
    public void The_prl_of_the_request_chooses_the_alto_options(string prl, int[] codes)
    {
        var relay = NewRelay();
        relay.ForwardRequest(Read(DhcpV4Packets.Build(1, "3501 01 37" + (prl.Length / 2).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + prl + " ff")), InterfaceAddress);
        var offer = Offer();

        var options = relay.ReturnReply(offer, ServerA, InterfaceAddresses, PeerIds).Message!.Options;

        Assert.Equal(codes, options.Skip(offer.Options.Count).Select(o => (int)o.Code));
    }

    [Fact]
    public void Without_the_request_remembered_only_always_sent_options_are_added()
    {
        var offer = Offer();

        Assert.Equal(Listing(offer.Options), Listing(NewRelay().ReturnReply(offer, ServerA, InterfaceAddresses, PeerIds).Message!.Options));
        Assert.Equal(offer.Options.Count + 3, NewRelay(alto: AltoSettings with { AlwaysSend = true }).ReturnReply(offer, ServerA, InterfaceAddresses, PeerIds).Message!.Options.Count);
    }

    [Fact]
    public void The_ack_to_an_inform_carries_the_peer_id_of_ciaddr()
    {
        var relay = NewRelay(alto: AltoSettings with { AlwaysSend = true });

        var ack = relay.ReturnReply(Ack(ciaddr: "192.0.2.77", yiaddr: "0.0.0.0"), ServerA, InterfaceAddresses, PeerIds).Message!;

        Assert.True(DhcpV4VendorIdentifyingOption.TryRead(ack.FindOption(125)!.Data, out var vendors, out _));
        Assert.Equal(PeerId, Encoding.ASCII.GetString(vendors[0].Find(2)!.Value.Span));
    }

    [Fact]
    public void A_nak_passes_as_the_server_sent_it_and_is_broadcast()
    {
        var nak = Read(DhcpV4Packets.Build(2, "3501 06 3604 c6336407 ff", giaddr: "192.0.2.1"));

        var back = NewRelay(alto: AltoSettings with { AlwaysSend = true }).ReturnReply(nak, ServerA, InterfaceAddresses, PeerIds);

        Assert.Equal(Listing(nak.Options), Listing(back.Message!.Options));
        Assert.Equal(DhcpV4DestinationKind.Broadcast, back.Destination.Kind);
    }

    [Fact]
    public void Our_option_82_is_stripped_and_every_other_octet_of_the_options_is_the_servers()
    {
        var relay = NewRelay(Option82);
        relay.ForwardRequest(Read(DhcpV4Packets.Build(1, "3501 01 3701 03 ff")), InterfaceAddress);
        var offer = Offer(extra: Convert.ToHexString(new byte[] { 82, (byte)Option82.ToOption().Data.Length }) + Convert.ToHexString(Option82.ToOption().Data.Span));

        var back = relay.ReturnReply(offer, ServerA, InterfaceAddresses, PeerIds).Message!;

        Assert.Null(back.FindOption(DhcpV4OptionCode.RelayAgentInformation));
        var serverField = OptionsField(Wire(offer));
        Assert.Equal(Convert.ToHexString(serverField[..^(3 + Option82.ToOption().Data.Length)]) + "FF", Convert.ToHexString(OptionsField(Wire(back))));
    }

    [Fact]
    public void An_option_82_that_is_not_ours_stays_last()
    {
        var relay = NewRelay(Option82, alto: AltoSettings with { AlwaysSend = true });
        var offer = Offer(extra: "5206 0104 666f6f30");

        var options = relay.ReturnReply(offer, ServerA, InterfaceAddresses, PeerIds).Message!.Options;

        Assert.Equal(82, options[^1].Code);
        Assert.Equal([213, 234, 125], options.Skip(offer.Options.Count - 1).Take(3).Select(o => (int)o.Code));
    }

    [Theory]
    [InlineData(0x8000, "0.0.0.0", "255.255.255.255:68", DhcpV4DestinationKind.Broadcast)]
    [InlineData(0, "0.0.0.0", "255.255.255.255:68", DhcpV4DestinationKind.BroadcastInsteadOfHardwareUnicast)]
    [InlineData(0, "192.0.2.10", "192.0.2.10:68", DhcpV4DestinationKind.ClientAddress)]
    public void The_reply_goes_to_the_client_per_rfc_2131_section_4_1(ushort flags, string ciaddr, string endpoint, DhcpV4DestinationKind kind)
    {
        var reply = Offer(flags: flags) with { ClientAddress = IPAddress.Parse(ciaddr) };

        var back = NewRelay().ReturnReply(reply, ServerA, InterfaceAddresses, PeerIds);

        Assert.Equal(endpoint, back.Destination.Endpoint.ToString());
        Assert.Equal(kind, back.Destination.Kind);
    }

    [Fact]
    public void The_reply_limit_is_the_clients_option_57()
    {
        var relay = NewRelay();
        relay.ForwardRequest(Read(DhcpV4Packets.Build(1, "3501 01 3902 05dc ff")), InterfaceAddress);

        Assert.Equal(1500 - 28, relay.ReturnReply(Offer(), ServerA, InterfaceAddresses, PeerIds).MaximumLength);
        Assert.Equal(DhcpV4Writer.DefaultMaximumLength, NewRelay().ReturnReply(Offer(), ServerA, InterfaceAddresses, PeerIds).MaximumLength);
    }
}

using System.Net;
using System.Text;
using AltoGateway.Dhcp.Leases;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.ServerMode;
using AltoGateway.Dhcp.V4;
using static AltoGateway.Dhcp.Tests.DhcpServer.DhcpV4ServerTestBed;

namespace AltoGateway.Dhcp.Tests.DhcpServer;

/// <summary>
/// RFC 2131 §4.3 through <see cref="DhcpV4Server"/>: the four-way exchange with the options an OFFER and ACK carry,
/// DECLINE, RELEASE, INFORM in server mode, pool exhaustion, and where each reply goes (§4.1).
/// </summary>
public sealed class DhcpV4ServerExchangeTests
{
    [Fact]
    public async Task Discover_offer_request_ack_binds_the_offered_address_with_the_usual_and_the_alto_options()
    {
        await using var bed = await CreateAsync();

        var offerResponse = await bed.SendAsync(Message(DhcpV4MessageType.Discover, 1));
        var offer = offerResponse.Reply!;
        Assert.Equal(DhcpV4MessageType.Offer, offer.MessageType);
        Assert.Equal(IPAddress.Parse("192.168.1.100"), offer.YourAddress);
        Assert.Equal(IPAddress.Any, offer.ClientAddress);
        Assert.Equal(DhcpV4Operation.BootReply, offer.Operation);
        Assert.Equal(1u, offer.TransactionId);
        Assert.Equal(DhcpV4DestinationKind.BroadcastInsteadOfHardwareUnicast, offerResponse.Destination.Kind);

        var ackResponse = await bed.SendAsync(Message(DhcpV4MessageType.Request, 1, requested: offer.YourAddress, serverId: ServerAddress));
        var ack = ackResponse.Reply!;
        Assert.Equal(DhcpV4MessageType.Ack, ack.MessageType);
        Assert.Equal(offer.YourAddress, ack.YourAddress);

        foreach (var reply in new[] { offer, ack })
        {
            // 53 and 54 first, then 51, 58, 59, then the PRL's order 1, 3, 6, 15, 213, 234, 125.
            Assert.Equal([53, 54, 51, 58, 59, 1, 3, 6, 15, 213, 234, 125], reply.Options.Select(o => (int)o.Code));
            Assert.Equal(ServerAddress, AddressOption(reply, DhcpV4OptionCode.ServerIdentifier));
            Assert.Equal(3600u, UInt32(reply, DhcpV4OptionCode.LeaseTime));
            Assert.Equal(1800u, UInt32(reply, DhcpV4OptionCode.RenewalTime));
            Assert.Equal(3150u, UInt32(reply, DhcpV4OptionCode.RebindingTime));
            Assert.Equal(IPAddress.Parse("255.255.255.0"), AddressOption(reply, DhcpV4OptionCode.SubnetMask));
            Assert.Equal(ServerAddress, AddressOption(reply, DhcpV4OptionCode.Router));
            Assert.Equal(ServerAddress, AddressOption(reply, DhcpV4OptionCode.DomainNameServer));
            Assert.Equal("lan.example", reply.FindOption(DhcpV4OptionCode.DomainName)!.GetText());
            Assert.Equal(Convert.FromHexString("076578616d706c65036e657400"), reply.FindOption(213)!.Data.ToArray());
            Assert.Equal(DirectoryUri.AbsoluteUri, Encoding.ASCII.GetString(reply.FindOption(234)!.Data.Span));

            // 125: the peer ID of the address given, not of anything else.
            Assert.Contains("peer-192.168.1.100", Encoding.ASCII.GetString(reply.FindOption(125)!.Data.Span), StringComparison.Ordinal);
        }

        var entry = Assert.Single(bed.Store.Snapshot());
        Assert.Equal((offer.YourAddress, LeaseState.Bound), (entry.Address, entry.State));
    }

    [Fact]
    public async Task Options_follow_option_55_but_the_subnet_mask_always_precedes_the_router()
    {
        // RFC 2132 §9.8: the requested order; §3.3: "the subnet mask option MUST be first" when the router is there too.
        await using var bed = await CreateAsync();

        var offer = (await bed.SendAsync(Message(DhcpV4MessageType.Discover, 1, prl: "0f03060100"))).Reply!;

        Assert.Equal([53, 54, 51, 58, 59, 15, 1, 3, 6], offer.Options.Select(o => (int)o.Code));
    }

    [Fact]
    public async Task A_client_asking_for_a_shorter_lease_gets_it_with_t1_and_t2_scaled()
    {
        await using var bed = await CreateAsync();
        var discover = Message(DhcpV4MessageType.Discover, 1);
        discover = discover with { Options = [.. discover.Options, DhcpV4Option.FromUInt32(DhcpV4OptionCode.LeaseTime, 600)] };

        var offer = (await bed.SendAsync(discover)).Reply!;

        Assert.Equal((600u, 300u, 525u), (UInt32(offer, 51), UInt32(offer, 58), UInt32(offer, 59)));
    }

    [Theory]
    [InlineData(3600, 1800, 3150)]
    [InlineData(1, 1, 1)]
    [InlineData(3, 1, 2)]
    [InlineData(86400, 43200, 75600)]
    public void T1_is_half_and_t2_seven_eighths_of_the_lease(int lease, uint t1, uint t2) =>
        Assert.Equal(((uint)lease, t1, t2), DhcpV4LeaseTimers.For(TimeSpan.FromSeconds(lease)));

    [Fact]
    public async Task Options_follow_the_prl_order_and_alto_options_go_only_when_asked_or_always_send()
    {
        await using var bed = await CreateAsync();
        var offer = (await bed.SendAsync(Message(DhcpV4MessageType.Discover, 1, prl: "06d503"))).Reply!;
        Assert.Equal([53, 54, 51, 58, 59, 6, 213, 1, 3, 15], offer.Options.Select(o => (int)o.Code)); // 1 before 3: RFC 2132 §3.3

        var none = (await bed.SendAsync(Message(DhcpV4MessageType.Discover, 2, prl: ""))).Reply!;
        Assert.Equal([53, 54, 51, 58, 59, 1, 3, 6, 15], none.Options.Select(o => (int)o.Code));

        await using var always = await CreateAsync(alwaysSend: true);
        var all = (await always.SendAsync(Message(DhcpV4MessageType.Discover, 2, prl: ""))).Reply!;
        Assert.Equal([53, 54, 51, 58, 59, 1, 3, 6, 15, 213, 234, 125], all.Options.Select(o => (int)o.Code));
    }

    [Fact]
    public async Task Client_identifier_is_echoed_and_keys_the_lease()
    {
        await using var bed = await CreateAsync();
        var discover = Message(DhcpV4MessageType.Discover, 1);
        var id = DhcpV4Option.ClientIdentifier(255, [0, 0, 0, 1, 0, 2, 9, 9]);
        discover = discover with { Options = [.. discover.Options, id] };

        var offer = (await bed.SendAsync(discover)).Reply!;

        Assert.Equal(id.Data.ToArray(), offer.FindOption(DhcpV4OptionCode.ClientIdentifier)!.Data.ToArray());
    }

    [Fact]
    public async Task Decline_quarantines_the_address_sends_nothing_and_the_next_discover_gets_another()
    {
        await using var bed = await CreateAsync();
        var ack = await bed.LeaseAsync(1);

        var response = await bed.SendAsync(Message(DhcpV4MessageType.Decline, 1, requested: ack.YourAddress, serverId: ServerAddress));

        Assert.Null(response.Reply);
        Assert.Equal(DhcpIgnoreReason.NoReplyDue, response.Ignored);
        Assert.Equal(LeaseState.Declined, bed.Store.Snapshot().Single(e => e.Address.Equals(ack.YourAddress)).State);
        var next = (await bed.SendAsync(Message(DhcpV4MessageType.Discover, 1))).Reply!;
        Assert.NotEqual(ack.YourAddress, next.YourAddress);
    }

    [Fact]
    public async Task Decline_without_option_50_or_naming_another_server_changes_nothing()
    {
        await using var bed = await CreateAsync();
        var ack = await bed.LeaseAsync(1);

        Assert.Equal(DhcpIgnoreReason.MalformedRequest, (await bed.SendAsync(Message(DhcpV4MessageType.Decline, 1, serverId: ServerAddress))).Ignored);
        Assert.Equal(DhcpIgnoreReason.OtherServer,
            (await bed.SendAsync(Message(DhcpV4MessageType.Decline, 1, requested: ack.YourAddress, serverId: IPAddress.Parse("192.168.1.2")))).Ignored);
        Assert.Equal(LeaseState.Bound, Assert.Single(bed.Store.Snapshot()).State);
    }

    [Fact]
    public async Task Release_frees_the_clients_own_lease_only_and_sends_nothing()
    {
        await using var bed = await CreateAsync();
        var first = await bed.LeaseAsync(1);
        var second = await bed.LeaseAsync(2);

        // Client 2 cannot release client 1's address.
        await bed.SendAsync(Message(DhcpV4MessageType.Release, 2, ciaddr: first.YourAddress, serverId: ServerAddress));
        var response = await bed.SendAsync(Message(DhcpV4MessageType.Release, 1, ciaddr: first.YourAddress, serverId: ServerAddress));

        Assert.Null(response.Reply);
        var states = bed.Store.Snapshot().ToDictionary(e => e.Address, e => e.State);
        Assert.Equal(LeaseState.Released, states[first.YourAddress]);
        Assert.Equal(LeaseState.Bound, states[second.YourAddress]);

        // Remembered: the client gets its address back.
        Assert.Equal(first.YourAddress, (await bed.SendAsync(Message(DhcpV4MessageType.Discover, 1))).Reply!.YourAddress);
    }

    [Fact]
    public async Task Inform_in_server_mode_gets_the_configuration_without_lease_time_and_yiaddr_zero_at_ciaddr()
    {
        await using var bed = await CreateAsync();
        var client = IPAddress.Parse("192.168.1.50");

        var response = await bed.SendAsync(Message(DhcpV4MessageType.Inform, 1, ciaddr: client), broadcast: false);

        var ack = response.Reply!;
        Assert.Equal(DhcpV4MessageType.Ack, ack.MessageType);
        Assert.Equal(IPAddress.Any, ack.YourAddress);
        Assert.Equal(client, ack.ClientAddress);
        Assert.Null(ack.FindOption(DhcpV4OptionCode.LeaseTime));
        Assert.Null(ack.FindOption(DhcpV4OptionCode.RenewalTime));
        Assert.Null(ack.FindOption(DhcpV4OptionCode.RebindingTime));
        Assert.Equal([53, 54, 1, 3, 6, 15, 213, 234, 125], ack.Options.Select(o => (int)o.Code));
        Assert.Contains("peer-192.168.1.50", Encoding.ASCII.GetString(ack.FindOption(125)!.Data.Span), StringComparison.Ordinal);
        Assert.Equal(new DhcpV4Destination(new IPEndPoint(client, 68), DhcpV4DestinationKind.ClientAddress), response.Destination);
        Assert.Empty(bed.Store.Snapshot());
    }

    [Fact]
    public async Task An_exhausted_pool_offers_nothing()
    {
        await using var bed = await CreateAsync();
        for (var client = 1; client <= 8; client++)
        {
            await bed.LeaseAsync(client); // .100–.109 less .102 (excluded) and .105 (reserved)
        }

        var response = await bed.SendAsync(Message(DhcpV4MessageType.Discover, 9));

        Assert.Null(response.Reply);
        Assert.Equal(DhcpIgnoreReason.PoolExhausted, response.Ignored);
    }

    [Fact]
    public async Task Bootp_replies_and_relayed_messages_from_another_subnet_are_not_answered()
    {
        await using var bed = await CreateAsync();
        var bootp = Message(DhcpV4MessageType.Discover, 1) with { Options = [] };
        var reply = Message(DhcpV4MessageType.Discover, 1) with { Operation = DhcpV4Operation.BootReply };
        var foreign = Message(DhcpV4MessageType.Discover, 1, giaddr: IPAddress.Parse("10.0.0.1"));

        Assert.Equal(DhcpIgnoreReason.NotOurs, (await bed.SendAsync(bootp)).Ignored);
        Assert.Equal(DhcpIgnoreReason.NotOurs, (await bed.SendAsync(reply)).Ignored);
        Assert.Equal(DhcpIgnoreReason.OtherSubnet, (await bed.SendAsync(foreign)).Ignored);
    }

    [Fact]
    public async Task A_relayed_offer_goes_to_the_relay_and_a_broadcast_flag_is_honoured()
    {
        await using var bed = await CreateAsync();
        var relay = IPAddress.Parse("192.168.1.254");

        var relayed = await bed.SendAsync(Message(DhcpV4MessageType.Discover, 1, giaddr: relay));
        var flagged = await bed.SendAsync(Message(DhcpV4MessageType.Discover, 2, broadcastFlag: true));

        Assert.Equal(new DhcpV4Destination(new IPEndPoint(relay, 67), DhcpV4DestinationKind.Relay), relayed.Destination);
        Assert.Equal(relay, relayed.Reply!.GatewayAddress);
        Assert.Equal(new DhcpV4Destination(new IPEndPoint(IPAddress.Broadcast, 68), DhcpV4DestinationKind.Broadcast), flagged.Destination);
    }

    [Fact]
    public async Task The_reply_fits_the_clients_maximum_message_size()
    {
        await using var bed = await CreateAsync();
        var discover = Message(DhcpV4MessageType.Discover, 1);
        discover = discover with { Options = [.. discover.Options, DhcpV4Option.FromUInt16(DhcpV4OptionCode.MaximumMessageSize, 576)] };

        var offer = (await bed.SendAsync(discover)).Reply!;
        var bytes = DhcpV4Writer.Write(offer, DhcpV4Writer.MaximumReplyLength(discover));

        Assert.InRange(bytes.Length, DhcpV4Writer.MinimumLength, 576 - 28);
        Assert.Equal(offer.YourAddress, DhcpV4Reader.Read(bytes).YourAddress);
    }
}

using System.Net;
using AltoGateway.Dhcp.Leases;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.ServerMode;
using AltoGateway.Dhcp.V4;
using static AltoGateway.Dhcp.Tests.DhcpServer.DhcpV4ServerTestBed;

namespace AltoGateway.Dhcp.Tests.DhcpServer;

/// <summary>
/// DHCPREQUEST in each RFC 2131 §4.3.2 state through the server: SELECTING for another server, INIT-REBOOT,
/// RENEWING (unicast), REBINDING (broadcast), and the DHCPNAK's content and destination.
/// </summary>
public sealed class DhcpV4ServerRequestTests
{
    private static readonly IPAddress OtherServer = IPAddress.Parse("192.168.1.2");

    [Fact]
    public async Task Selecting_another_server_is_silent_and_withdraws_our_offer()
    {
        await using var bed = await CreateAsync();
        var offer = (await bed.SendAsync(Message(DhcpV4MessageType.Discover, 1))).Reply!;

        var response = await bed.SendAsync(Message(DhcpV4MessageType.Request, 1, requested: offer.YourAddress, serverId: OtherServer));

        Assert.Null(response.Reply);
        Assert.Equal(DhcpIgnoreReason.OtherServer, response.Ignored);
        Assert.Equal(offer.YourAddress, (await bed.SendAsync(Message(DhcpV4MessageType.Discover, 2, requested: offer.YourAddress))).Reply!.YourAddress);
    }

    [Fact]
    public async Task Renewing_by_unicast_extends_the_lease_and_the_ack_goes_to_ciaddr()
    {
        await using var bed = await CreateAsync();
        var ack = await bed.LeaseAsync(1);
        bed.Clock.Advance(TimeSpan.FromMinutes(40));

        var response = await bed.SendAsync(Message(DhcpV4MessageType.Request, 1, ciaddr: ack.YourAddress), broadcast: false);

        var renewed = response.Reply!;
        Assert.Equal(DhcpV4MessageType.Ack, renewed.MessageType);
        Assert.Equal((ack.YourAddress, ack.YourAddress), (renewed.YourAddress, renewed.ClientAddress));
        Assert.Equal(3600u, UInt32(renewed, DhcpV4OptionCode.LeaseTime));
        Assert.Equal(new DhcpV4Destination(new IPEndPoint(ack.YourAddress, 68), DhcpV4DestinationKind.ClientAddress), response.Destination);
        var entry = Assert.Single(bed.Store.Snapshot());
        Assert.Equal(bed.Clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds(), entry.Until);
    }

    [Fact]
    public async Task Renewing_someone_elses_address_gets_a_broadcast_nak_with_54_and_56_only()
    {
        await using var bed = await CreateAsync();
        var ack = await bed.LeaseAsync(1);

        var response = await bed.SendAsync(Message(DhcpV4MessageType.Request, 2, ciaddr: ack.YourAddress), broadcast: false);

        var nak = response.Reply!;
        Assert.Equal(DhcpV4MessageType.Nak, nak.MessageType);
        Assert.Equal([53, 54, 56], nak.Options.Select(o => (int)o.Code));
        Assert.Equal(ServerAddress, AddressOption(nak, DhcpV4OptionCode.ServerIdentifier));
        Assert.Equal(DhcpV4Server.NakMessage(NakReason.AddressInUse), nak.FindOption(DhcpV4ServerOptionCode.Message)!.GetText());
        Assert.Equal((IPAddress.Any, IPAddress.Any), (nak.YourAddress, nak.ClientAddress));
        Assert.Equal(new DhcpV4Destination(new IPEndPoint(IPAddress.Broadcast, 68), DhcpV4DestinationKind.Broadcast), response.Destination);
        Assert.Equal(ack.YourAddress, Assert.Single(bed.Store.Snapshot()).Address); // still client 1's
    }

    [Fact]
    public async Task Rebinding_from_a_client_we_have_no_record_of_is_silent_and_renewing_it_is_naked()
    {
        await using var bed = await CreateAsync();
        var free = IPAddress.Parse("192.168.1.107");

        var rebinding = await bed.SendAsync(Message(DhcpV4MessageType.Request, 3, ciaddr: free), broadcast: true);
        var renewing = await bed.SendAsync(Message(DhcpV4MessageType.Request, 3, ciaddr: free), broadcast: false);

        Assert.Equal(DhcpIgnoreReason.NoRecordOfClient, rebinding.Ignored);
        Assert.Equal(DhcpV4Server.NakMessage(NakReason.NoSuchLease), renewing.Reply!.FindOption(56)!.GetText());
    }

    [Fact]
    public async Task Rebinding_a_bound_lease_by_broadcast_is_acked()
    {
        await using var bed = await CreateAsync();
        var ack = await bed.LeaseAsync(1);
        bed.Clock.Advance(TimeSpan.FromMinutes(55));

        var response = await bed.SendAsync(Message(DhcpV4MessageType.Request, 1, ciaddr: ack.YourAddress), broadcast: true);

        Assert.Equal(DhcpV4MessageType.Ack, response.Reply!.MessageType);
        Assert.Equal(ack.YourAddress, response.Reply.YourAddress);
    }

    [Fact]
    public async Task Init_reboot_acks_the_clients_own_address_after_a_server_restart()
    {
        await using var bed = await CreateAsync();
        var ack = await bed.LeaseAsync(1);

        var response = await bed.SendAsync(Message(DhcpV4MessageType.Request, 1, requested: ack.YourAddress));

        Assert.Equal(DhcpV4MessageType.Ack, response.Reply!.MessageType);
        Assert.Equal(ack.YourAddress, response.Reply.YourAddress);
    }

    [Fact]
    public async Task Init_reboot_on_the_wrong_network_is_naked_and_from_an_unknown_client_silent()
    {
        await using var bed = await CreateAsync();

        var moved = await bed.SendAsync(Message(DhcpV4MessageType.Request, 1, requested: IPAddress.Parse("10.1.2.3")));
        var unknown = await bed.SendAsync(Message(DhcpV4MessageType.Request, 1, requested: IPAddress.Parse("192.168.1.104")));

        Assert.Equal(DhcpV4MessageType.Nak, moved.Reply!.MessageType);
        Assert.Equal(DhcpV4Server.NakMessage(NakReason.WrongNetwork), moved.Reply.FindOption(56)!.GetText());
        Assert.Null(unknown.Reply);
        Assert.Equal(DhcpIgnoreReason.NoRecordOfClient, unknown.Ignored);
    }

    [Fact]
    public async Task Init_reboot_asking_for_another_address_than_its_binding_is_naked()
    {
        await using var bed = await CreateAsync();
        await bed.LeaseAsync(1);

        var response = await bed.SendAsync(Message(DhcpV4MessageType.Request, 1, requested: IPAddress.Parse("192.168.1.108")));

        Assert.Equal(DhcpV4Server.NakMessage(NakReason.NotClientsAddress), response.Reply!.FindOption(56)!.GetText());
    }

    [Fact]
    public async Task A_relayed_nak_carries_the_broadcast_bit_and_goes_to_the_relay()
    {
        await using var bed = await CreateAsync();
        var relay = IPAddress.Parse("192.168.1.254");

        var response = await bed.SendAsync(Message(DhcpV4MessageType.Request, 1, requested: IPAddress.Parse("10.1.2.3"), giaddr: relay));

        Assert.True(response.Reply!.IsBroadcast);
        Assert.Equal(new DhcpV4Destination(new IPEndPoint(relay, 67), DhcpV4DestinationKind.Relay), response.Destination);
    }

    [Fact]
    public async Task A_request_fitting_no_state_is_ignored()
    {
        await using var bed = await CreateAsync();

        var response = await bed.SendAsync(Message(DhcpV4MessageType.Request, 1, serverId: ServerAddress)); // 54 without 50

        Assert.Equal(DhcpIgnoreReason.MalformedRequest, response.Ignored);
    }
}

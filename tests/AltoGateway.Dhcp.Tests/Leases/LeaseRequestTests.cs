using System.Net;
using AltoGateway.Dhcp.Leases;
using static AltoGateway.Dhcp.Tests.Leases.LeaseTestPools;

namespace AltoGateway.Dhcp.Tests.Leases;

/// <summary>DHCPREQUEST in each RFC 2131 §4.3.2 state, and DHCPDECLINE / DHCPRELEASE / conflicts.</summary>
public class LeaseRequestTests
{
    private static readonly IPAddress OtherServer = Address("192.168.1.2");
    private static readonly IPAddress OtherNetwork = Address("10.9.9.9");
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Clock();
    private readonly LeaseTable _table;

    public LeaseRequestTests() => _table = new LeaseTable(Small(), Times(), _clock);

    private RequestDecision Selecting(LeaseClient client, IPAddress? address, IPAddress? server = null) =>
        _table.Request(RequestState.Selecting, client, server ?? Server, address, IPAddress.Any).Decision;

    private RequestDecision InitReboot(LeaseClient client, IPAddress address) =>
        _table.Request(RequestState.InitReboot, client, null, address, IPAddress.Any).Decision;

    private RequestDecision Renewing(LeaseClient client, IPAddress ciaddr) =>
        _table.Request(RequestState.Renewing, client, null, null, ciaddr).Decision;

    private RequestDecision Rebinding(LeaseClient client, IPAddress ciaddr) =>
        _table.Request(RequestState.Rebinding, client, null, null, ciaddr).Decision;

    [Theory]
    [InlineData(true, true, false, false, RequestState.Selecting)]
    [InlineData(false, true, false, true, RequestState.InitReboot)]
    [InlineData(false, false, true, false, RequestState.Renewing)]
    [InlineData(false, false, true, true, RequestState.Rebinding)]
    [InlineData(true, true, true, false, RequestState.Malformed)]
    [InlineData(true, false, false, true, RequestState.Malformed)]
    [InlineData(false, false, false, true, RequestState.Malformed)]
    [InlineData(false, true, true, false, RequestState.Malformed)]
    public void The_state_follows_the_fields_of_rfc_2131_section_4_3_2(bool serverId, bool requested, bool ciaddr, bool broadcast, RequestState expected) =>
        Assert.Equal(expected, RequestStateClassifier.Classify(serverId ? Server : null, requested ? Address("192.168.1.100") : null, ciaddr ? Address("192.168.1.100") : IPAddress.Any, broadcast));

    [Fact]
    public void Selecting_the_offered_address_is_acked_with_the_lease_time()
    {
        var offer = _table.Offer(Client(1));
        var decision = Selecting(Client(1), offer.Address);

        Assert.Equal(RequestOutcome.Ack, decision.Outcome);
        Assert.Equal(offer.Address, decision.Address);
        Assert.Equal(TimeSpan.FromHours(1), decision.LeaseTimeFrom(_clock.GetUtcNow()));
        Assert.Equal(LeaseState.Bound, Assert.Single(_table.Snapshot()).State);
    }

    [Fact]
    public void Selecting_another_server_withdraws_the_offer_silently()
    {
        var offer = _table.Offer(Client(1));
        var decision = Selecting(Client(1), offer.Address, OtherServer);

        Assert.Equal((RequestOutcome.Ignore, IgnoreReason.OtherServerSelected), (decision.Outcome, decision.IgnoreReason));
        Assert.Equal(offer.Address, _table.Offer(Client(2), offer.Address).Address);
    }

    [Fact]
    public void Selecting_an_address_offered_or_bound_to_another_client_is_naked()
    {
        var offer = _table.Offer(Client(1));
        Assert.Equal(NakReason.AddressInUse, Selecting(Client(2), offer.Address).NakReason);
        Assert.Equal(NakReason.AddressInUse, Selecting(Client(2), ReservedAddress).NakReason);
        Assert.Equal(NakReason.AddressNotInPool, Selecting(Client(2), Excluded).NakReason);
        Assert.Equal(NakReason.WrongNetwork, Selecting(Client(2), OtherNetwork).NakReason);
    }

    [Fact]
    public void Selecting_a_free_address_without_an_offer_is_acked_as_after_a_restart()
    {
        Assert.Equal(RequestOutcome.Ack, Selecting(Client(1), Address("192.168.1.107")).Outcome);
    }

    [Fact]
    public void Init_reboot_acks_the_clients_address_naks_a_wrong_one_and_ignores_strangers()
    {
        var bound = Bind(_table, Client(1));

        Assert.Equal(RequestOutcome.Ack, InitReboot(Client(1), bound).Outcome);
        Assert.Equal(NakReason.NotClientsAddress, InitReboot(Client(1), Address("192.168.1.108")).NakReason);
        Assert.Equal(NakReason.WrongNetwork, InitReboot(Client(1), OtherNetwork).NakReason);

        // §4.3.2: "If the DHCP server has no record of this client, then it MUST remain silent" — but a wrong network is still NAKed.
        var stranger = InitReboot(Client(2), Address("192.168.1.108"));
        Assert.Equal((RequestOutcome.Ignore, IgnoreReason.NoRecordOfClient), (stranger.Outcome, stranger.IgnoreReason));
        Assert.Equal(NakReason.WrongNetwork, InitReboot(Client(2), OtherNetwork).NakReason);
    }

    [Fact]
    public void Init_reboot_with_an_expired_lease_still_free_is_acked_and_one_taken_meanwhile_gets_silence()
    {
        var first = Bind(_table, Client(1));
        var second = Bind(_table, Client(2));
        _clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(RequestOutcome.Ack, InitReboot(Client(1), first).Outcome);
        Assert.Equal(second, Bind(_table, Client(3), second));
        // Client 2's address went to client 3, so the server no longer knows client 2: silence (§4.3.2).
        Assert.Equal(IgnoreReason.NoRecordOfClient, InitReboot(Client(2), second).IgnoreReason);
    }

    [Fact]
    public void Init_reboot_of_a_client_with_a_reservation_elsewhere_is_naked()
    {
        Assert.Equal(NakReason.NotClientsAddress, InitReboot(ReservedClient, Address("192.168.1.108")).NakReason);
        Assert.Equal(RequestOutcome.Ack, InitReboot(ReservedClient, ReservedAddress).Outcome);
    }

    [Fact]
    public void Renewing_extends_the_clients_lease_and_naks_anything_else()
    {
        var bound = Bind(_table, Client(1));
        _clock.Advance(TimeSpan.FromMinutes(30));

        var renewed = _table.Request(RequestState.Renewing, Client(1), null, null, bound);
        Assert.Equal(RequestOutcome.Ack, renewed.Decision.Outcome);
        Assert.Equal(LeaseRecordKind.Extend, renewed.Record?.Kind);
        Assert.Equal(_clock.GetUtcNow().AddHours(1), renewed.Decision.Expiry);

        Assert.Equal(NakReason.AddressInUse, Renewing(Client(2), bound).NakReason);
        Assert.Equal(NakReason.NoSuchLease, Renewing(Client(2), Address("192.168.1.108")).NakReason);
        Assert.Equal(NakReason.WrongNetwork, Renewing(Client(2), OtherNetwork).NakReason);
        Assert.Equal(NakReason.NotClientsAddress, Renewing(Client(1), Address("192.168.1.108")).NakReason);
    }

    [Fact]
    public void Renewing_after_expiry_rebinds_the_address_while_it_is_still_free()
    {
        var bound = Bind(_table, Client(1));
        _clock.Advance(TimeSpan.FromHours(2));

        var decision = _table.Request(RequestState.Renewing, Client(1), null, null, bound);
        Assert.Equal(RequestOutcome.Ack, decision.Decision.Outcome);
        Assert.Equal(LeaseRecordKind.Bind, decision.Record?.Kind);
    }

    [Fact]
    public void Rebinding_extends_the_clients_lease_naks_others_and_ignores_strangers()
    {
        var bound = Bind(_table, Client(1));

        Assert.Equal(RequestOutcome.Ack, Rebinding(Client(1), bound).Outcome);
        Assert.Equal(NakReason.AddressInUse, Rebinding(Client(2), bound).NakReason);
        Assert.Equal(NakReason.WrongNetwork, Rebinding(Client(2), OtherNetwork).NakReason);
        var stranger = Rebinding(Client(2), Address("192.168.1.108"));
        Assert.Equal((RequestOutcome.Ignore, IgnoreReason.NoRecordOfClient), (stranger.Outcome, stranger.IgnoreReason));
        Assert.Equal(NakReason.NotClientsAddress, Rebinding(Client(1), Address("192.168.1.108")).NakReason);
    }

    [Fact]
    public void Malformed_requests_are_ignored()
    {
        var decision = _table.Request(RequestState.Malformed, Client(1), null, null, IPAddress.Any);
        Assert.Equal((RequestOutcome.Ignore, IgnoreReason.Malformed), (decision.Decision.Outcome, decision.Decision.IgnoreReason));
        Assert.Null(decision.Record);
    }

    [Fact]
    public void A_declined_address_is_quarantined_until_the_quarantine_ends()
    {
        var offer = _table.Offer(Client(1));
        Assert.Equal(LeaseChangeOutcome.NotClientsAddress, _table.Decline(Client(2), offer.Address!).Outcome);
        var declined = _table.Decline(Client(1), offer.Address!);
        Assert.Equal(LeaseChangeOutcome.Applied, declined.Outcome);
        Assert.Equal(LeaseRecordKind.Decline, declined.Record?.Kind);

        // The client gets another address; nobody gets the declined one for ten minutes.
        Assert.NotEqual(offer.Address, _table.Offer(Client(1)).Address);
        Assert.Equal(NakReason.AddressQuarantined, Selecting(Client(3), offer.Address).NakReason);
        Assert.Equal(LeaseState.Declined, _table.Snapshot().Single(e => e.Address.Equals(offer.Address)).State);

        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.DoesNotContain(_table.Snapshot(), e => e.Address.Equals(offer.Address));
        Assert.Equal(RequestOutcome.Ack, Selecting(Client(3), offer.Address).Outcome);
    }

    [Fact]
    public void An_address_found_in_use_is_quarantined_but_a_bound_one_is_left_to_its_client()
    {
        var bound = Bind(_table, Client(1));
        Assert.Equal(LeaseChangeOutcome.AddressBound, _table.MarkInUse(bound).Outcome);
        Assert.Equal(LeaseChangeOutcome.NotInPool, _table.MarkInUse(OtherNetwork).Outcome);

        var offer = _table.Offer(Client(2));
        Assert.Equal(LeaseChangeOutcome.Applied, _table.MarkInUse(offer.Address!).Outcome);
        Assert.NotEqual(offer.Address, _table.Offer(Client(2)).Address);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.DoesNotContain(_table.Snapshot(), e => e.State == LeaseState.Declined);
    }

    [Fact]
    public void Release_frees_the_clients_own_lease_only()
    {
        var bound = Bind(_table, Client(1));
        Assert.Equal(LeaseChangeOutcome.NotClientsAddress, _table.Release(Client(2), bound).Outcome);
        Assert.Equal(LeaseChangeOutcome.Applied, _table.Release(Client(1), bound).Outcome);
        Assert.Equal(LeaseState.Released, Assert.Single(_table.Snapshot()).State);
        Assert.Equal(0, _table.BoundCount());
    }
}

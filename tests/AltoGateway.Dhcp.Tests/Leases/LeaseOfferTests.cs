using AltoGateway.Dhcp.Leases;
using static AltoGateway.Dhcp.Tests.Leases.LeaseTestPools;

namespace AltoGateway.Dhcp.Tests.Leases;

/// <summary>DHCPDISCOVER → DHCPOFFER: RFC 2131 §4.3.1's order of preference, reservations, exhaustion, the offer hold.</summary>
public class LeaseOfferTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Clock();

    private LeaseTable NewTable() => new(Small(), Times(), _clock);

    [Fact]
    public void The_preference_order_is_current_binding_then_previous_then_requested_then_free()
    {
        var table = NewTable();
        var client = Client(1);
        var bound = Bind(table, client);

        // Current binding beats the requested address.
        var offer = table.Offer(client, Address("192.168.1.108"));
        Assert.Equal((OfferSource.CurrentBinding, bound), (offer.Source, offer.Address));

        // Previous (released) binding, still free, beats the requested address.
        Assert.Equal(LeaseChangeOutcome.Applied, table.Release(client, bound).Outcome);
        offer = table.Offer(client, Address("192.168.1.108"));
        Assert.Equal((OfferSource.PreviousBinding, bound), (offer.Source, offer.Address));

        // Previous binding taken by someone else: the requested address, when valid and free.
        _clock.Advance(TimeSpan.FromMinutes(1));
        var other = Client(2);
        Assert.Equal(bound, Bind(table, other, bound));
        offer = table.Offer(client, Address("192.168.1.108"));
        Assert.Equal((OfferSource.RequestedAddress, Address("192.168.1.108")), (offer.Source, offer.Address));

        // Requested address not valid (excluded): a free one.
        _clock.Advance(TimeSpan.FromMinutes(1));
        offer = table.Offer(Client(3), Excluded);
        Assert.Equal(OfferSource.FreeAddress, offer.Source);
        Assert.NotEqual(Excluded, offer.Address);
    }

    [Fact]
    public void An_expired_binding_is_offered_back_to_its_client()
    {
        var table = NewTable();
        var client = Client(1);
        var bound = Bind(table, client);
        _clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(LeaseState.Expired, Assert.Single(table.Snapshot()).State);
        var offer = table.Offer(client);
        Assert.Equal((OfferSource.PreviousBinding, bound), (offer.Source, offer.Address));
    }

    [Fact]
    public void New_clients_get_never_used_addresses_before_ones_remembered_for_others()
    {
        var table = NewTable();
        var first = Bind(table, Client(1));
        table.Release(Client(1), first);

        var offer = table.Offer(Client(2));
        Assert.NotEqual(first, offer.Address);
    }

    [Fact]
    public void Reservations_go_to_their_owner_only_inside_and_outside_the_range()
    {
        var table = NewTable();
        var offers = Enumerable.Range(1, 20).Select(n => table.Offer(Client(n))).Where(o => o.IsOffered).Select(o => o.Address).ToList();
        Assert.DoesNotContain(ReservedAddress, offers);
        Assert.DoesNotContain(ReservedInRangeAddress, offers);
        Assert.Equal(OfferSource.PoolExhausted, table.Offer(Client(99), ReservedAddress).Source);

        // The owner of a by-MAC reservation gets it even when it sends a DUID client identifier.
        var duidClient = new LeaseClient(ClientIdentity.FromClientIdentifier([255, 9, 9, 9, 9]), ReservedClient.Hardware);
        var offer = table.Offer(duidClient);
        Assert.Equal((OfferSource.Reservation, ReservedAddress), (offer.Source, offer.Address));
        offer = table.Offer(ReservedInRangeClient);
        Assert.Equal((OfferSource.Reservation, ReservedInRangeAddress), (offer.Source, offer.Address));
    }

    [Fact]
    public void The_pool_runs_out_and_excluded_and_server_addresses_are_never_offered()
    {
        var table = NewTable();
        var offered = new List<System.Net.IPAddress>();
        for (var n = 1; n <= 10; n++)
        {
            var offer = table.Offer(Client(n));
            if (!offer.IsOffered)
            {
                Assert.Equal(OfferSource.PoolExhausted, offer.Source);
                Assert.Null(offer.Address);
                break;
            }

            offered.Add(offer.Address!);
        }

        // .100–.109 minus .102 (excluded) and .105 (reserved).
        Assert.Equal(8, offered.Count);
        Assert.Equal(8, offered.Distinct().Count());
        Assert.DoesNotContain(Excluded, offered);
        Assert.DoesNotContain(Server, offered);
    }

    [Fact]
    public void An_offer_holds_the_address_until_the_hold_expires()
    {
        var table = NewTable();
        for (var n = 1; n <= 8; n++)
        {
            Assert.True(table.Offer(Client(n)).IsOffered);
        }

        Assert.False(table.Offer(Client(50)).IsOffered);
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(table.Offer(Client(50)).IsOffered);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(table.Offer(Client(50)).IsOffered);
    }

    [Fact]
    public void A_second_discover_gets_the_same_offer_and_the_lease_time_is_capped()
    {
        var table = NewTable();
        var first = table.Offer(Client(1), requestedLeaseTime: TimeSpan.FromDays(7));
        var again = table.Offer(Client(1));

        Assert.Equal(first.Address, again.Address);
        Assert.Equal(TimeSpan.FromHours(2), first.LeaseTime);
        Assert.Equal(TimeSpan.FromHours(1), again.LeaseTime);
    }

    [Fact]
    public void A_renewed_offer_outlives_the_hold_of_the_offer_it_replaced()
    {
        // Offers are forgotten oldest first; the first offer's expiry must not take the second one with it.
        var table = NewTable();
        var first = table.Offer(Client(1));
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(first.Address, table.Offer(Client(1)).Address);
        _clock.Advance(TimeSpan.FromSeconds(15)); // 35 s after the first offer, 15 s after the second

        for (var n = 2; n <= 8; n++)
        {
            var offer = table.Offer(Client(n));
            Assert.True(offer.IsOffered);
            Assert.NotEqual(first.Address, offer.Address);
        }

        Assert.False(table.Offer(Client(50)).IsOffered);
        var decision = table.Request(RequestState.Selecting, Client(1), Server, first.Address, System.Net.IPAddress.Any).Decision;
        Assert.Equal((RequestOutcome.Ack, first.Address), (decision.Outcome, decision.Address));
    }

    [Fact]
    public void Thousands_of_abandoned_offers_are_forgotten_once_their_hold_is_over()
    {
        // About 30,000 addresses; 20,000 DISCOVERs never followed by a REQUEST, then 20,000 more clients after the
        // hold: the second wave fits only if the first wave's offers are gone.
        var table = new LeaseTable(Create(Address("192.168.118.47"), prefixLength: 16, subnet: Address("192.168.0.0"), first: Address("192.168.1.0")), Times(), _clock);
        var firstWave = new HashSet<System.Net.IPAddress>();
        for (var n = 0; n < 20_000; n++)
        {
            firstWave.Add(table.Offer(Wide(n)).Address!);
        }

        _clock.Advance(TimeSpan.FromSeconds(31));
        var again = 0;
        for (var n = 20_000; n < 40_000; n++)
        {
            var offer = table.Offer(Wide(n));
            Assert.True(offer.IsOffered, $"client {n} was not offered an address");
            again += firstWave.Contains(offer.Address!) ? 1 : 0;
        }

        Assert.Equal(20_000, firstWave.Count);
        Assert.True(again >= 10_000, $"{again} addresses of the abandoned offers were offered again");
        Assert.Empty(table.Snapshot()); // offers are never leases
    }

    [Fact]
    public void Offers_made_before_the_clock_stepped_back_are_forgotten()
    {
        // The wall clock steps back a day (NTP, a board without an RTC): the offers made before would otherwise hold
        // their addresses for a day, and the queue grow behind them.
        var clock = new SteppedClock(Clock().GetUtcNow());
        var table = new LeaseTable(Small(), Times(), clock);
        for (var n = 1; n <= 8; n++)
        {
            Assert.True(table.Offer(Client(n)).IsOffered);
        }

        Assert.False(table.Offer(Client(50)).IsOffered);
        clock.Now -= TimeSpan.FromDays(1);

        Assert.True(table.Offer(Client(50)).IsOffered);
    }

    /// <summary>A wall clock that can be set back, as a real one can.</summary>
    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static LeaseClient Wide(int number) => LeaseClient.FromEthernet([2, 0, 0, (byte)(number >> 16), (byte)(number >> 8), (byte)number]);
}

using System.Net;
using AltoGateway.Dhcp.Leases;

namespace AltoGateway.Dhcp.Tests.Leases;

public class LeasePoolTests
{
    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var settings = new LeasePoolSettings { Subnet = IPAddress.Parse("10.0.0.0"), PrefixLength = 24, ServerAddress = IPAddress.Parse("10.0.0.1") };
        settings.Ranges.Add(new LeaseRange(IPAddress.Parse("10.0.1.10"), IPAddress.Parse("10.0.1.20")));
        settings.Ranges.Add(new LeaseRange(IPAddress.Parse("10.0.0.20"), IPAddress.Parse("10.0.0.10")));
        settings.Excluded.Add(IPAddress.Parse("192.0.2.1"));
        settings.Reservations.Add(new LeaseReservation(ClientIdentity.FromEthernet([2, 0, 0, 0, 0, 1]), IPAddress.Parse("10.0.0.1")));
        settings.Reservations.Add(new LeaseReservation(ClientIdentity.FromEthernet([2, 0, 0, 0, 0, 2]), IPAddress.Parse("10.0.0.50")));
        settings.Reservations.Add(new LeaseReservation(ClientIdentity.FromEthernet([2, 0, 0, 0, 0, 3]), IPAddress.Parse("10.0.0.50")));

        Assert.False(LeasePool.TryCreate(settings, out var pool, out var errors));
        Assert.Null(pool);
        Assert.Equal(5, errors.Count);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(31)]
    public void Prefix_lengths_outside_16_to_30_are_refused(int prefixLength)
    {
        var settings = new LeasePoolSettings { Subnet = IPAddress.Parse("10.0.0.0"), PrefixLength = prefixLength, ServerAddress = IPAddress.Parse("10.0.0.1") };
        Assert.False(LeasePool.TryCreate(settings, out _, out var errors));
        Assert.Contains(errors, e => e.Contains("prefix length", StringComparison.Ordinal));
    }

    [Fact]
    public void Network_broadcast_server_excluded_and_reserved_addresses_are_not_poolable()
    {
        var settings = new LeasePoolSettings { Subnet = IPAddress.Parse("10.0.0.0"), PrefixLength = 29, ServerAddress = IPAddress.Parse("10.0.0.1") };
        settings.Ranges.Add(new LeaseRange(IPAddress.Parse("10.0.0.0"), IPAddress.Parse("10.0.0.7")));
        settings.Excluded.Add(IPAddress.Parse("10.0.0.2"));
        settings.Reservations.Add(new LeaseReservation(ClientIdentity.FromEthernet([2, 0, 0, 0, 0, 1]), IPAddress.Parse("10.0.0.3")));
        Assert.True(LeasePool.TryCreate(settings, out var pool, out _));

        Assert.Equal(3, pool.PoolableCount);
        Assert.Equal([false, false, false, false, true, true, true, false], Enumerable.Range(0, 8).Select(pool.IsPoolable));
    }

    [Fact]
    public void A_client_identifier_of_type_1_and_the_same_mac_without_option_61_are_one_client()
    {
        byte[] mac = [2, 0, 0, 0, 0, 9];
        var withOption = LeaseClient.FromMessage([1, .. mac], 1, mac);
        var without = LeaseClient.FromMessage([], 1, mac);
        var duid = LeaseClient.FromMessage([255, 0, 0, 0, 1, 0, 4, 9, 9], 1, mac);

        Assert.Equal(withOption.Identity, without.Identity);
        Assert.NotEqual(duid.Identity, without.Identity);
        Assert.Equal(duid.Hardware, without.Hardware);
        Assert.Equal("01:02:00:00:00:00:09", without.Identity.ToString());
    }
}

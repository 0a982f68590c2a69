using System.Net;
using AltoGateway.Dhcp.Leases;
using static AltoGateway.Dhcp.Tests.Leases.LeaseTestPools;

namespace AltoGateway.Dhcp.Tests.Leases;

/// <summary>The memory target: 10,000 leases in at most 10 MB (a memory measurement, not a timing one).</summary>
public class LeaseMemoryTests
{
    [Fact]
    public void Ten_thousand_bound_leases_take_at_most_ten_megabytes()
    {
        var clock = Clock();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var settings = new LeasePoolSettings { Subnet = Address("10.0.0.0"), PrefixLength = 16, ServerAddress = Address("10.0.0.1") };
        settings.Ranges.Add(new LeaseRange(Address("10.0.0.10"), Address("10.0.255.250")));
        Assert.True(LeasePool.TryCreate(settings, out var pool, out _));
        var table = new LeaseTable(pool, Times(), clock);
        for (var n = 0; n < 10_000; n++)
        {
            // Clients with an RFC 4361 client identifier (type 255, IAID, DUID-LL): longer than a MAC.
            var client = LeaseClient.FromMessage([255, 0, 0, 0, 1, 0, 3, 0, 1, 2, 0, 0, 0, (byte)(n >> 8), (byte)n], 1, [2, 0, 0, 0, (byte)(n >> 8), (byte)n]);
            var offer = table.Offer(client);
            Assert.Equal(RequestOutcome.Ack, table.Request(RequestState.Selecting, client, settings.ServerAddress, offer.Address, IPAddress.Any).Decision.Outcome);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(10_000, table.BoundCount());
        GC.KeepAlive(table);

        var megabytes = (after - before) / (1024.0 * 1024.0);
        TestContext.Current.TestOutputHelper?.WriteLine($"10,000 bound leases in a /16 table: {megabytes:F2} MiB managed");
        Assert.True(megabytes <= 10, $"10,000 leases took {megabytes:F2} MiB");
    }
}

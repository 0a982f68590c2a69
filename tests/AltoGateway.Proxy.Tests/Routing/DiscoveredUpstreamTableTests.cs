using AltoGateway.Proxy.Routing;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy.Tests.Routing;

/// <summary>The discovered upstreams are bounded: the least recently used one goes when a new one needs room.</summary>
public class DiscoveredUpstreamTableTests
{
    [Fact]
    public void It_keeps_at_most_its_capacity_forgetting_the_least_recently_used_and_reuses_each_uris_upstream()
    {
        var created = new List<Uri>();
        var evicted = new List<string>();
        var table = new DiscoveredUpstreamTable(2, uri =>
        {
            created.Add(uri);
            return new GuardedUpstream(new FlatCostUpstream(uri.ToString(), 1), new CircuitBreaker(3, TimeSpan.FromSeconds(30), TimeProvider.System));
        }, e => evicted.Add(e.Upstream.Name));
        var (a, b, c) = (new Uri("https://a.example/ird"), new Uri("https://b.example/ird"), new Uri("https://c.example/ird"));

        var first = table.Get(a);
        table.Get(b);
        Assert.Same(first, table.Get(a)); // a is now the most recently used
        table.Get(c);

        Assert.Equal(2, table.Count);
        Assert.True(table.Contains(a));
        Assert.False(table.Contains(b));
        Assert.True(table.Contains(c));
        Assert.Equal([b.ToString()], evicted);
        Assert.Equal([a, b, c], created);
        Assert.NotSame(first.Breaker, table.Get(c).Breaker); // each upstream its own circuit

        for (var i = 0; i < 100; i++)
        {
            table.Get(new Uri($"https://tracker-chosen-{i}.example/ird"));
        }

        Assert.Equal(2, table.Count);
    }
}

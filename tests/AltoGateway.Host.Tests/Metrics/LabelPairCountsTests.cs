using AltoGateway.Host.Metrics;

namespace AltoGateway.Host.Tests.Metrics;

/// <summary><see cref="LabelPairCounts"/>: exact counts under concurrent increments, by label values, whether the strings are the same instances or equal copies.</summary>
public sealed class LabelPairCountsTests
{
    [Fact]
    public void Concurrent_increments_are_all_counted_under_their_pair()
    {
        var counts = new LabelPairCounts("version", "type");
        const int PerThread = 20_000;
        Parallel.For(0, 8, thread =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                counts.Increment("v4", i % 2 == 0 ? "discover" : "request");

                // An equal string that is another instance lands in the same cell.
                counts.Increment("v6", new string("information-request".AsSpan()));
            }
        });

        var observed = counts.Observe().ToDictionary(
            m => ((string)m.Tags[0].Value!, (string)m.Tags[1].Value!),
            m => m.Value);
        Assert.Equal(3, observed.Count);
        Assert.Equal(8 * PerThread / 2, observed[("v4", "discover")]);
        Assert.Equal(8 * PerThread / 2, observed[("v4", "request")]);
        Assert.Equal(8 * PerThread, observed[("v6", "information-request")]);
        Assert.All(counts.Observe(), m => Assert.Equal(["version", "type"], m.Tags.ToArray().Select(t => t.Key)));
    }

    [Fact]
    public void Nothing_is_observed_before_the_first_increment()
    {
        Assert.Empty(new LabelPairCounts("version", "type").Observe());
    }
}

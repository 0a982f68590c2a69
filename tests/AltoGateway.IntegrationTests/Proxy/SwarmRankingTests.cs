using System.Text;
using AltoGateway.Host.Configuration;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Proxy;

/// <summary>
/// DESIGN.md's swarm example (<see cref="SwarmModel"/>, shared with the benchmark driver's
/// <c>swarm</c> verb): the exact odds of a random tracker list, and a small real swarm ranked
/// through the agent's proxy (CGN mode, built-in server, RFC 7422 port blocks), where ALTO-ranked
/// lists hold every close peer and nothing else.
/// </summary>
public sealed class SwarmRankingTests
{
    [Fact]
    public void The_hypergeometric_odds_of_a_random_list_are_designs_figures()
    {
        var (none, atMostFour) = new SwarmModel(others: 10_000, close: 100).ExactRandomShares(listSize: 100);

        Assert.Equal(0.3641945152, none, 10);
        Assert.Equal(0.9967833555, atMostFour, 10);
    }

    [Fact]
    public void A_random_list_drawn_from_a_swarm_of_only_close_peers_and_one_far_peer_is_exactly_as_the_formula_says()
    {
        // 3 others, 2 close, lists of 2: either both close (1/3) or one close (2/3), never none.
        var model = new SwarmModel(others: 3, close: 2);
        Assert.Equal(0, SwarmModel.Hypergeometric(model.Others, model.Close, 2, 0));
        Assert.Equal(2 / 3.0, SwarmModel.Hypergeometric(model.Others, model.Close, 2, 1), 12);
        Assert.Equal(1 / 3.0, SwarmModel.Hypergeometric(model.Others, model.Close, 2, 2), 12);
        Assert.All(model.RandomCloseCounts(asker: 0, listSize: 2, trials: 1_000, new Random(1)), count => Assert.InRange(count, 1, 2));
    }

    [Fact]
    public async Task Every_alto_ranked_list_through_the_proxy_holds_exactly_the_close_peers()
    {
        var model = new SwarmModel(others: 2_000, close: 100);
        var plan = new PortBlockPlanOptions
        {
            InsidePrefix = SwarmModel.InsidePrefix,
            OutsidePool = [SwarmModel.OutsidePool],
            CompressionRatio = SwarmModel.CompressionRatio,
            ReservedPorts = $"0-{SwarmModel.FirstUnreservedPort - 1}",
        }.TryCreatePlan([]);
        Assert.NotNull(plan);
        var names = model.PublicNames(address => plan.TryMapInside(address, out var block)
            ? (block.ExternalAddress, block.FirstPort)
            : throw new InvalidOperationException($"{address} is not in the plan"));
        Assert.Equal(model.Peers, names.Distinct().Count());

        await using var agent = await SwarmAgent.StartAsync();
        var random = new Random(7285);
        for (var asker = 0; asker < 3; asker++)
        {
            var others = Enumerable.Range(0, model.Peers).Where(p => p != asker).ToArray();
            var body = SwarmModel.CostRequest("ordinal", names[asker], others.Select(p => names[p]));
            Assert.True(Encoding.UTF8.GetByteCount(body) > 64 * 1024, "the request needs the raised Http:MaxRequestBodyBytes");

            var row = await agent.CostRowAsync("/proxy/endpointcost", body, TestContext.Current.CancellationToken);

            // Ordinal: the other near peers rank 1, every far peer 2; the 100 cheapest are the close ones.
            Assert.Equal(others.ToDictionary(p => names[p], p => model.IsNear(p) ? 1.0 : 2.0), row);
            var close = others.Where(model.IsNear).Select(p => names[p]).Order(StringComparer.Ordinal);
            Assert.Equal(close, SwarmModel.Cheapest(row, 100, random).Order(StringComparer.Ordinal));
        }
    }
}

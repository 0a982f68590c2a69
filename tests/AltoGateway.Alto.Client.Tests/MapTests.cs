using AltoGateway.Alto.Costs;
using AltoGateway.Tests.SharedAlto;

namespace AltoGateway.Alto.Client.Tests;

/// <summary>Network and cost maps (RFC 7285 §11.2) from the fake upstream.</summary>
public sealed class MapTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_network_map_comes_with_its_vtag()
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var map = (await fake.DirectoryAsync()).FindNetworkMap()!;

        var result = await fake.Client.GetNetworkMapAsync(map, Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Empty(result.Tolerances);
        Assert.Equal("fake-network-map", result.Value.Meta.Vtag?.ResourceId);
        Assert.Equal("fake-vtag-1", result.Value.Meta.Vtag?.Tag);
        Assert.Equal(["isp-a", "isp-b", "world"], result.Value.NetworkMap.Keys);
        Assert.Equal(["198.51.100.0/24"], result.Value.NetworkMap["isp-b"]["ipv4"]);
        Assert.Equal(["::/0"], result.Value.NetworkMap["world"]["ipv6"]);
        var sent = fake.Upstream.Requests[^1];
        Assert.Equal(("GET", "/networkmap", "application/alto-networkmap+json,application/alto-error+json"), (sent.Method, sent.Path, sent.Accept));
    }

    [Theory]
    [InlineData("numerical", 1, 5, 20, 10)]
    [InlineData("ordinal", 1, 2, 3, 1)]
    public async Task Each_cost_map_is_the_table_of_its_mode(string mode, double aToA, double aToB, double aToWorld, double worldToWorld)
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var costMap = (await fake.DirectoryAsync()).FindCostMap(new CostType(mode, "routingcost"))!;

        var result = await fake.Client.GetCostMapAsync(costMap, Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Empty(result.Tolerances);
        Assert.Equal(mode, result.Value.Meta.CostType?.CostMode);
        Assert.Equal("fake-vtag-1", Assert.Single(result.Value.Meta.DependentVtags!).Tag);
        Assert.Equal(new Dictionary<string, double> { ["isp-a"] = aToA, ["isp-b"] = aToB, ["world"] = aToWorld }, result.Value.CostMap["isp-a"]);
        Assert.Equal(worldToWorld, result.Value.CostMap["world"]["world"]);
    }

    [Fact]
    public async Task Maps_without_vtags_are_used_and_reported()
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var directory = await fake.DirectoryAsync();
        fake.Upstream.Behaviour = new FakeUpstreamBehaviour { MissingVtag = true };

        var network = await fake.Client.GetNetworkMapAsync(directory.FindNetworkMap()!, Ct);
        var costs = await fake.Client.GetCostMapAsync(directory.FindCostMap(new CostType("numerical", "routingcost"))!, Ct);

        Assert.True(network.IsSuccess, network.ToString());
        Assert.Equal(3, network.Value.NetworkMap.Count);
        Assert.Equal(
            [new AltoTolerance(AltoToleranceKind.MissingVtag, $"GET {fake.Base}/networkmap answered a network map without meta.vtag (RFC 7285 §11.2.1.6)")],
            network.Tolerances);
        Assert.True(costs.IsSuccess, costs.ToString());
        Assert.Equal(
            [new AltoTolerance(AltoToleranceKind.MissingVtag, $"GET {fake.Base}/costmap/num-routingcost answered without meta.dependent-vtags (RFC 7285 §11.1)")],
            costs.Tolerances);
    }
}

using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Messages;

namespace AltoGateway.Alto.Client.Tests;

/// <summary>
/// The client against the agent's real built-in ALTO server (a strict RFC 7285 server): every
/// resource round trip, no tolerances. Default maps: lan (RFC 1918, 100.64/10, fc00::/7) and
/// world; numerical routingcost lan→lan 1, lan→world 10, world→lan 10, world→world 20.
/// </summary>
public sealed class BuiltInServerTests(BuiltInServerFixture server) : IClassFixture<BuiltInServerFixture>
{
    private static readonly CostType Numerical = new("numerical", "routingcost");
    private static readonly CostType Ordinal = new("ordinal", "routingcost");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_directory_and_its_finders()
    {
        var directory = await DirectoryAsync();

        Assert.Equal("default-network-map", directory.DefaultNetworkMapId);
        Assert.Equal(
            ["default-network-map", "costmap-num-routingcost", "costmap-ord-routingcost", "filtered-network-map", "filtered-cost-map", "endpoint-property", "endpoint-cost"],
            directory.Resources.Select(r => r.Id));
        Assert.Equal("endpoint-cost", directory.FindEndpointCost(Ordinal)?.Id);
        Assert.Equal("endpoint-property", directory.FindEndpointProperty("default-network-map.pid")?.Id);
        Assert.Equal("default-network-map", directory.FindNetworkMap()?.Id);
        Assert.Equal("costmap-ord-routingcost", directory.FindCostMap(Ordinal)?.Id);
        Assert.Equal("filtered-cost-map", directory.FindFilteredCostMap(Numerical)?.Id);
        Assert.True(directory.FindFilteredCostMap(Numerical)?.CostConstraints);
        Assert.Equal("filtered-network-map", directory.FindFilteredNetworkMap()?.Id);
    }

    [Fact]
    public async Task Endpoint_costs_and_properties()
    {
        var directory = await DirectoryAsync();
        var client = new AltoClient(server.Http);

        var costs = await client.EndpointCostAsync(directory.FindEndpointCost(Numerical)!, new EndpointCostRequest
        {
            CostType = Numerical,
            Endpoints = new EndpointFilter { Srcs = ["ipv4:192.168.1.5"], Dsts = ["ipv4:192.168.1.9", "ipv4:8.8.8.8", "ipv6:FD00::1"] },
        }, Ct);
        var properties = await client.EndpointPropertiesAsync(directory.FindEndpointProperty("pid")!, new EndpointPropertyRequest
        {
            Properties = ["pid"],
            Endpoints = ["ipv4:10.1.2.3", "ipv6:2001:db8::1"],
        }, Ct);

        Assert.True(costs.IsSuccess, costs.ToString());
        Assert.Empty(costs.Tolerances);
        Assert.Equal(
            new Dictionary<string, double> { ["ipv4:192.168.1.9"] = 1, ["ipv4:8.8.8.8"] = 10, ["ipv6:fd00::1"] = 1 },
            Assert.Single(costs.Value.EndpointCostMap, r => r.Key == "ipv4:192.168.1.5").Value);
        Assert.True(properties.IsSuccess, properties.ToString());
        Assert.Empty(properties.Tolerances);
        Assert.Equal("lan", properties.Value.EndpointProperties["ipv4:10.1.2.3"]["pid"]);
        Assert.Equal("world", properties.Value.EndpointProperties["ipv6:2001:db8::1"]["pid"]);
    }

    [Fact]
    public async Task Full_and_filtered_maps()
    {
        var directory = await DirectoryAsync();
        var client = new AltoClient(server.Http);

        var network = await client.GetNetworkMapAsync(directory.FindNetworkMap()!, Ct);
        var costs = await client.GetCostMapAsync(directory.FindCostMap(Numerical)!, Ct);
        var filteredNetwork = await client.FilteredNetworkMapAsync(directory.FindFilteredNetworkMap()!,
            new NetworkMapFilterRequest { Pids = ["lan"], AddressTypes = ["ipv6"] }, Ct);
        var filteredCosts = await client.FilteredCostMapAsync(directory.FindFilteredCostMap(Ordinal)!,
            new FilteredCostMapRequest { CostType = Ordinal, Pids = new PidFilter { Srcs = ["world"], Dsts = ["world"] } }, Ct);

        Assert.All(new object[] { network, costs, filteredNetwork, filteredCosts }, r => Assert.Equal("success", r.ToString()));
        Assert.Empty(network.Tolerances.Concat(costs.Tolerances).Concat(filteredNetwork.Tolerances).Concat(filteredCosts.Tolerances));
        Assert.Equal(["lan", "world"], network.Value!.NetworkMap.Keys);
        Assert.Equal(network.Value.Meta.Vtag, filteredNetwork.Value!.Meta.Vtag);
        Assert.Equal(["fc00::/7"], Assert.Single(filteredNetwork.Value.NetworkMap["lan"]).Value);
        Assert.Equal(network.Value.Meta.Vtag, Assert.Single(costs.Value!.Meta.DependentVtags!));
        Assert.Equal(new Dictionary<string, double> { ["lan"] = 10, ["world"] = 20 }, costs.Value.CostMap["world"]);
        Assert.Equal(2, Assert.Single(Assert.Single(filteredCosts.Value!.CostMap).Value).Value);
    }

    [Fact]
    public async Task A_cost_type_the_server_does_not_offer_is_its_alto_error_with_no_tolerance()
    {
        var directory = await DirectoryAsync();
        var client = new AltoClient(server.Http);

        var result = await client.EndpointCostAsync(directory.FindEndpointCost(Numerical)!, new EndpointCostRequest
        {
            CostType = new CostType("numerical", "hopcount"),
            Endpoints = new EndpointFilter { Srcs = ["ipv4:192.0.2.1"], Dsts = ["ipv4:192.0.2.2"] },
        }, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal((AltoClientFailureKind.AltoError, 400), (result.Failure.Kind, result.Failure.HttpStatus));
        Assert.Equal(
            ("E_INVALID_FIELD_VALUE", "cost-type/cost-metric", "hopcount"),
            (result.Failure.ServerError?.Code, result.Failure.ServerError?.Field, result.Failure.ServerError?.Value));
        Assert.Equal(
            $"POST {directory.FindEndpointCost(Numerical)!.Uri}: HTTP 400 Bad Request with ALTO error E_INVALID_FIELD_VALUE field \"cost-type/cost-metric\" value \"hopcount\"",
            result.Failure.Message);
        Assert.Empty(result.Tolerances);
    }

    private async Task<AltoDirectory> DirectoryAsync()
    {
        var result = await new AltoClient(server.Http).GetDirectoryAsync(server.DirectoryUri, Ct);
        Assert.True(result.IsSuccess, result.ToString());
        Assert.Empty(result.Tolerances);
        return result.Value;
    }
}

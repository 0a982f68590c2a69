using System.Text.Json.Nodes;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Messages;
using AltoGateway.Tests.SharedAlto;

namespace AltoGateway.Alto.Client.Tests;

/// <summary>
/// ECS (RFC 7285 §11.5.1) against the fake upstream: cost = table[pid(src)][pid(dst)] of
/// isp-a {isp-a 1, isp-b 5, world 20}, isp-b {5, 1, 20}, world {20, 20, 10}; ordinal = dense rank.
/// </summary>
public sealed class EndpointCostTests
{
    private const string A1 = "ipv4:192.0.2.10";
    private const string A2 = "ipv4:192.0.2.20";
    private const string B1 = "ipv4:198.51.100.7";
    private const string W = "ipv4:203.0.113.5";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static EndpointCostRequest Request(string mode, List<string> srcs, List<string> dsts) => new()
    {
        CostType = new CostType(mode, "routingcost"),
        Endpoints = new EndpointFilter { Srcs = srcs, Dsts = dsts },
    };

    [Theory]
    [InlineData("numerical", 1, 5, 20)]
    [InlineData("ordinal", 1, 2, 3)]
    public async Task Costs_come_back_keyed_by_the_addresses_asked_for(string mode, double toA, double toB, double toWorld)
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var ecs = (await fake.DirectoryAsync()).FindEndpointCost(new CostType(mode, "routingcost"))!;

        var result = await fake.Client.EndpointCostAsync(ecs, Request(mode, [A1], [A2, B1, W]), Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Empty(result.Tolerances);
        Assert.Equal(mode, result.Value.Meta.CostType!.CostMode);
        var row = Assert.Single(result.Value.EndpointCostMap, r => r.Key == A1).Value;
        Assert.Equal(new Dictionary<string, double> { [A2] = toA, [B1] = toB, [W] = toWorld }, row);
    }

    [Fact]
    public async Task The_request_is_a_post_with_exact_media_types_and_canonical_non_empty_endpoints()
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var ecs = (await fake.DirectoryAsync()).FindEndpointCost(new CostType("numerical", "routingcost"))!;

        var result = await fake.Client.EndpointCostAsync(ecs, Request("numerical", ["ipv6:2001:DB8:A:0::1"], [B1, "ipv6:2001:db8:b::2", B1]), Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Empty(result.Tolerances);
        Assert.Equal(5, result.Value.EndpointCostMap["ipv6:2001:db8:a::1"]["ipv6:2001:db8:b::2"]);
        var sent = fake.Upstream.Requests[^1];
        Assert.Equal("POST", sent.Method);
        Assert.Equal("application/alto-endpointcostparams+json", sent.ContentType);
        Assert.Equal("application/alto-endpointcost+json,application/alto-error+json", sent.Accept);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"srcs":["ipv6:2001:db8:a::1"],"dsts":["ipv4:198.51.100.7","ipv6:2001:db8:b::2"]}"""),
            JsonNode.Parse(sent.Body)!["endpoints"]), sent.Body);
    }

    [Theory]
    [InlineData(new string[0], new[] { A1 }, "endpoints/srcs")]
    [InlineData(new[] { A1 }, new string[0], "endpoints/dsts")]
    public async Task Empty_srcs_or_dsts_are_refused_before_anything_is_sent(string[] srcs, string[] dsts, string field)
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var ecs = (await fake.DirectoryAsync()).FindEndpointCost(new CostType("numerical", "routingcost"))!;

        var result = await fake.Client.EndpointCostAsync(ecs, Request("numerical", [.. srcs], [.. dsts]), Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(AltoClientFailureKind.InvalidRequest, result.Failure.Kind);
        Assert.Equal("E_INVALID_FIELD_VALUE", result.Failure.ServerError?.Code);
        Assert.Equal(field, result.Failure.ServerError?.Field);
        Assert.Equal(
            $"POST {fake.Base}/endpointcost: the application/alto-endpointcostparams+json request is not valid RFC 7285 (E_INVALID_FIELD_VALUE {field}); not sent",
            result.Failure.Message);
        Assert.Equal(["/directory"], fake.Upstream.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Endpoints_the_server_silently_drops_are_listed()
    {
        await using var fake = await FakeUpstreamClient.StartAsync(new FakeUpstreamBehaviour { DropUnknownEndpoints = true });
        var ecs = (await fake.DirectoryAsync()).FindEndpointCost(new CostType("numerical", "routingcost"))!;

        var result = await fake.Client.EndpointCostAsync(ecs, Request("numerical", [A1, W], [A2, B1, W]), Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(new Dictionary<string, double> { [A2] = 1, [B1] = 5 }, Assert.Single(result.Value.EndpointCostMap).Value);
        Assert.Equal(
            [new AltoTolerance(AltoToleranceKind.DroppedEndpoints, $"POST {fake.Base}/endpointcost left out sources {W}; pairs {A1}→{W}")],
            result.Tolerances);
    }

    [Fact]
    public async Task With_constraints_missing_pairs_are_expected_and_not_listed()
    {
        await using var fake = await FakeUpstreamClient.StartAsync(new FakeUpstreamBehaviour { DropUnknownEndpoints = true });
        var ecs = (await fake.DirectoryAsync()).FindEndpointCost(new CostType("numerical", "routingcost"))!;
        var request = Request("numerical", [A1, W], [A2, W]);
        request.Constraints = ["le 10"];

        var result = await fake.Client.EndpointCostAsync(ecs, request, Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Empty(result.Tolerances);
    }

    [Fact]
    public async Task Non_canonical_answer_keys_are_re_keyed_to_the_canonical_text()
    {
        await using var fake = await FakeUpstreamClient.StartAsync(new FakeUpstreamBehaviour { NonCanonicalKeys = true });
        var ecs = (await fake.DirectoryAsync()).FindEndpointCost(new CostType("numerical", "routingcost"))!;

        var result = await fake.Client.EndpointCostAsync(ecs, Request("numerical", ["ipv6:2001:db8:a::1"], [A1, "ipv6:2001:db8:b::2"]), Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(
            new Dictionary<string, double> { [A1] = 1, ["ipv6:2001:db8:b::2"] = 5 },
            result.Value.EndpointCostMap["ipv6:2001:db8:a::1"]);
        Assert.Equal(
            [
                new AltoTolerance(AltoToleranceKind.NonCanonicalAddress,
                    $"POST {fake.Base}/endpointcost keyed its answer by non-canonical addresses, re-keyed: "
                    + "ipv6:2001:0DB8:000A:0000:0000:0000:0000:0001 → ipv6:2001:db8:a::1, ipv6:2001:0DB8:000B:0000:0000:0000:0000:0002 → ipv6:2001:db8:b::2"),
            ],
            result.Tolerances);
    }

    [Fact]
    public async Task Answers_for_endpoints_nobody_asked_for_are_dropped()
    {
        await using var fake = await FakeUpstreamClient.StartAsync(new FakeUpstreamBehaviour { UnrequestedEndpoint = "ipv4:203.0.113.99" });
        var ecs = (await fake.DirectoryAsync()).FindEndpointCost(new CostType("numerical", "routingcost"))!;

        var result = await fake.Client.EndpointCostAsync(ecs, Request("numerical", [A1], [B1]), Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([A1], result.Value.EndpointCostMap.Keys);
        Assert.Equal(
            [new AltoTolerance(AltoToleranceKind.UnrequestedEndpoints, $"POST {fake.Base}/endpointcost answered for endpoints not asked for, dropped: ipv4:203.0.113.99")],
            result.Tolerances);
    }
}

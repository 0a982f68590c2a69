using System.Net;
using System.Text.Json.Nodes;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Client;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Messages;

namespace AltoGateway.IntegrationTests.Proxy;

/// <summary>
/// Tracker → proxy (WAN) → NAT map (static and port-block entries, peer IDs) → built-in ALTO
/// server → answer in the tracker's names, over real loopback HTTP against the real agent.
/// </summary>
public sealed class ProxyEndToEndTests
{
    private const string ForeignPeerId = "altogwpeer:not-one-of-ours";

    [Fact]
    public async Task Cgn_mode_asks_the_upstream_with_the_subscribers_internal_addresses_and_answers_in_the_trackers_names()
    {
        await using var agent = await ProxyAgent.StartAsync("""{ "Mode": "Cgn" }""");
        var peerId = "altogwpeer:" + await agent.PeerIdAsync();
        var blockPort = PortOf("100.64.1.2");

        var (status, contentType, body, _) = await agent.PostAsync("/proxy/endpointcost", ProxyAgent.CostParams, $$"""
            {
              "cost-type": { "cost-mode": "numerical", "cost-metric": "routingcost" },
              "endpoints": {
                "srcs": [ "{{peerId}}", "{{ForeignPeerId}}" ],
                "dsts": [
                  "altogwipv4port:203.0.113.5:40001",
                  "altogwipv4port:203.0.113.5:40002/tcp",
                  "ipv4:203.0.113.5",
                  "altogwipv4port:192.0.2.8:{{blockPort}}",
                  "ipv4:8.8.8.8",
                  "altogwipv4port:203.0.113.5:49999"
                ]
              }
            }
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/alto-endpointcost+json", contentType);
        // 100.64.0.10/.11 are in subscribers-a (3 from loopback), the port-block subscriber in
        // subscribers-b (4); the shared address is asked as itself (isp-public, 7), 8.8.8.8 is world (30).
        AssertJson($$"""
            {
              "{{peerId}}": {
                "altogwipv4port:203.0.113.5:40001": 3,
                "altogwipv4port:203.0.113.5:40002/tcp": 3,
                "ipv4:203.0.113.5": 7,
                "altogwipv4port:192.0.2.8:{{blockPort}}": 4,
                "ipv4:8.8.8.8": 30
              }
            }
            """, body!["endpoint-cost-map"]);
        var meta = body["meta"]!;
        Assert.Equal("built-in", meta["altogw-upstream"]!.GetValue<string>());
        AssertJson("""
            {
              "altogwpeer:not-one-of-ours": { "reason": "peer-id-foreign", "explanation": "not a peer ID issued by this gateway; ask the gateway the peer's public address leads to" },
              "altogwipv4port:203.0.113.5:49999": { "reason": "no-mapping", "explanation": "a public address of this gateway, but no subscriber uses that port now" }
            }
            """, meta["altogw-unresolved"]);
        Assert.Equal(["ipv4:203.0.113.5"], meta["altogw-approximate"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("100.64.", body.ToJsonString(), StringComparison.Ordinal); // no internal address leaks to the tracker
    }

    [Fact]
    public async Task Home_mode_asks_with_the_gateways_public_address_and_ranks_pairs_inside_the_lan_first()
    {
        await using var agent = await ProxyAgent.StartAsync("""{ "Mode": "Home", "PublicAddresses": [ "203.0.113.7" ] }""");
        var peerId = "altogwpeer:" + await agent.PeerIdAsync();

        var (status, _, ordinal, _) = await agent.PostAsync("/proxy/endpointcost", ProxyAgent.CostParams, $$"""
            { "cost-type": { "cost-mode": "ordinal", "cost-metric": "routingcost" },
              "endpoints": { "srcs": [ "{{peerId}}" ], "dsts": [ "ipv4:8.8.8.8", "altogwipv4port:203.0.113.7:6881", "ipv4:100.64.0.10" ] } }
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        // The LAN peer is rank 1; the upstream (asked for 203.0.113.7: isp-public) ranked
        // subscribers-a (5) before world (20): 1 and 2, moved down to 2 and 3.
        AssertJson($$"""{ "{{peerId}}": { "altogwipv4port:203.0.113.7:6881": 1, "ipv4:100.64.0.10": 2, "ipv4:8.8.8.8": 3 } }""", ordinal!["endpoint-cost-map"]);

        var (_, _, numerical, _) = await agent.PostAsync("/proxy/endpointcost", ProxyAgent.CostParams, $$"""
            { "cost-type": { "cost-mode": "numerical", "cost-metric": "routingcost" }, "constraints": [ "le 10" ],
              "endpoints": { "srcs": [ "{{peerId}}" ], "dsts": [ "ipv4:8.8.8.8", "altogwipv4port:203.0.113.7:6881", "ipv4:100.64.0.10" ] } }
            """);
        // Inside the LAN costs 0; the constraint, applied by the proxy, drops world (20).
        AssertJson($$"""{ "{{peerId}}": { "altogwipv4port:203.0.113.7:6881": 0, "ipv4:100.64.0.10": 5 } }""", numerical!["endpoint-cost-map"]);
    }

    [Fact]
    public async Task Home_mode_answers_a_question_about_two_lan_peers_without_asking_any_upstream()
    {
        await using var agent = await ProxyAgent.StartAsync("""{ "Mode": "Home", "PublicAddresses": [ "203.0.113.7" ], "FallBackToBuiltIn": true }""");
        var (status, _, body, _) = await agent.PostAsync("/proxy/endpointcost", ProxyAgent.CostParams, """
            { "cost-type": { "cost-mode": "numerical", "cost-metric": "routingcost" },
              "endpoints": { "srcs": [ "ipv4:203.0.113.7" ], "dsts": [ "altogwipv4port:203.0.113.7:6881" ] } }
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        AssertJson("""{ "ipv4:203.0.113.7": { "altogwipv4port:203.0.113.7:6881": 0 } }""", body!["endpoint-cost-map"]);
        Assert.Equal("none", body["meta"]!["altogw-upstream"]!.GetValue<string>());
    }

    [Fact]
    public async Task Endpoint_properties_come_back_under_the_trackers_names_with_the_unplaced_reported()
    {
        await using var agent = await ProxyAgent.StartAsync("""{ "Mode": "Cgn" }""");
        var peerId = "altogwpeer:" + await agent.PeerIdAsync();
        var (status, contentType, body, _) = await agent.PostAsync("/proxy/endpointprop", ProxyAgent.PropertyParams, $$"""
            { "properties": [ "pid" ], "endpoints": [ "{{peerId}}", "altogwipv4port:192.0.2.8:{{PortOf("100.64.1.1")}}", "ipv4:8.8.8.8", "{{ForeignPeerId}}" ] }
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/alto-endpointprop+json", contentType);
        AssertJson($$"""
            {
              "{{peerId}}": { "pid": "loopback" },
              "altogwipv4port:192.0.2.8:{{PortOf("100.64.1.1")}}": { "pid": "subscribers-b" },
              "ipv4:8.8.8.8": { "pid": "world" }
            }
            """, body!["endpoint-properties"]);
        Assert.Equal("peer-id-foreign", body["meta"]!["altogw-unresolved"]![ForeignPeerId]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_malformed_name_a_wrong_media_type_and_an_unoffered_property_get_their_exact_alto_errors()
    {
        await using var agent = await ProxyAgent.StartAsync("""{ "Mode": "Cgn" }""");

        var (status, contentType, body, _) = await agent.PostAsync("/proxy/endpointcost", ProxyAgent.CostParams, """
            { "cost-type": { "cost-mode": "numerical", "cost-metric": "routingcost" }, "endpoints": { "srcs": [ "ipv4:192.0.2.1" ], "dsts": [ "altogwipv4port:203.0.113.5:0" ] } }
            """);
        Assert.Equal((HttpStatusCode.BadRequest, "application/alto-error+json"), (status, contentType));
        AssertJson("""{ "meta": { "code": "E_INVALID_FIELD_VALUE", "field": "endpoints/dsts", "value": "altogwipv4port:203.0.113.5:0" } }""", body);

        (status, _, body, _) = await agent.PostAsync("/proxy/endpointcost", "application/json", "{}");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        AssertJson("""{ "meta": { "code": "E_SYNTAX", "syntax-error": "Content-Type must be application/alto-endpointcostparams+json" } }""", body);

        (status, _, body, _) = await agent.PostAsync("/proxy/endpointprop", ProxyAgent.PropertyParams, """{ "properties": [ "priv:bandwidth" ], "endpoints": [ "ipv4:8.8.8.8" ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertJson("""{ "meta": { "code": "E_INVALID_FIELD_VALUE", "field": "properties", "value": "priv:bandwidth" } }""", body);

        // The proxy answers on the WAN listeners only.
        using var lan = await agent.Http.GetAsync($"{agent.LanBase}/proxy/directory", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, lan.StatusCode);
    }

    [Fact]
    public async Task A_tracker_using_the_client_library_names_peers_by_peer_id_and_public_port_and_gets_the_answer_in_those_names()
    {
        await using var agent = await ProxyAgent.StartAsync("""{ "Mode": "Cgn" }""");
        var peerId = "altogwpeer:" + await agent.PeerIdAsync();
        var client = new AltoClient(agent.Http, new AltoClientOptions { EndpointNames = EndpointNameGrammar.Gateway });

        var directory = await client.GetDirectoryAsync(new Uri(agent.WanBase + "/proxy/directory"), TestContext.Current.CancellationToken);
        Assert.True(directory.IsSuccess, directory.Failure?.Message);
        var ecs = directory.Value.FindEndpointCost(new CostType(CostMode.Ordinal, CostMetric.RoutingCost));
        Assert.NotNull(ecs);
        var answer = await client.EndpointCostAsync(ecs, new EndpointCostRequest
        {
            CostType = new CostType(CostMode.Ordinal, CostMetric.RoutingCost),
            Endpoints = new EndpointFilter { Srcs = [peerId], Dsts = ["altogwipv4port:203.0.113.5:40001", "ipv4:8.8.8.8", $"altogwipv4port:192.0.2.8:{PortOf("100.64.1.2")}"] },
        }, TestContext.Current.CancellationToken);

        Assert.True(answer.IsSuccess, answer.Failure?.Message);
        Assert.Empty(answer.Tolerances);
        // loopback → subscribers-a 3, subscribers-b 4, world 30: ranks 1, 2, 3.
        Assert.Equal(
            new Dictionary<string, double> { ["altogwipv4port:203.0.113.5:40001"] = 1, [$"altogwipv4port:192.0.2.8:{PortOf("100.64.1.2")}"] = 2, ["ipv4:8.8.8.8"] = 3 },
            answer.Value.EndpointCostMap[peerId]);
    }

    /// <summary>The first port of the subscriber's RFC 7422 block.</summary>
    private static ushort PortOf(string subscriber)
    {
        var plan = ProxyAgent.PortBlockPlan.TryCreatePlan([]);
        Assert.NotNull(plan);
        Assert.True(plan.TryMapInside(System.Net.IPAddress.Parse(subscriber), out var block));
        return block.FirstPort;
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {JsonNode.Parse(expected)!.ToJsonString()}\nactual   {actual?.ToJsonString()}");
}

using System.Net;
using System.Text.Json.Nodes;
using AltoGateway.Tests.SharedAlto;

namespace AltoGateway.IntegrationTests.Proxy;

/// <summary>
/// The proxy in front of an upstream that behaves like the real servers we have met (the fake in
/// tests/SharedAlto, on real loopback HTTP): what it was asked, what the tracker got back for each
/// kind of misbehaviour, and the circuit breaker with health and fallback to the built-in server.
/// </summary>
public sealed class ProxyUpstreamTests
{
    private const string Ecs = """
        { "cost-type": { "cost-mode": "numerical", "cost-metric": "routingcost" },
          "endpoints": { "srcs": [ "ipv4:203.0.113.7" ], "dsts": [ "altogwipv4port:203.0.113.5:40001", "ipv4:8.8.8.8" ] } }
        """;

    /// <summary>The fake's view: the subscriber space and the loopback subscriber in PIDs of their own.</summary>
    private static readonly FakeAltoUpstreamSettings Network = new()
    {
        NetworkMap = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["subscribers"] = ["100.64.0.0/10"],
            ["loopback"] = ["127.0.0.0/8"],
            ["world"] = ["0.0.0.0/0", "::/0"],
        },
        Costs = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal)
        {
            ["loopback"] = new Dictionary<string, double>(StringComparer.Ordinal) { ["subscribers"] = 2, ["loopback"] = 1, ["world"] = 50 },
            ["subscribers"] = new Dictionary<string, double>(StringComparer.Ordinal) { ["subscribers"] = 1, ["loopback"] = 2, ["world"] = 40 },
            ["world"] = new Dictionary<string, double>(StringComparer.Ordinal) { ["subscribers"] = 40, ["loopback"] = 50, ["world"] = 10 },
        },
        PlaceablePids = ["subscribers", "loopback"],
    };

    [Fact]
    public async Task The_upstream_is_asked_with_internal_addresses_and_never_an_empty_list_and_its_quirks_are_tolerated_and_reported()
    {
        await using var upstream = await FakeAltoUpstream.StartAsync(Network, new FakeUpstreamBehaviour
        {
            // A sloppy server: plain JSON, relative URIs, the ECS in a delegated sub-IRD, upper-case keys.
            ContentType = FakeUpstreamContentType.GenericJson,
            RelativeUris = true,
            DelegateEndpointCostToSubDirectory = true,
            NonCanonicalKeys = true,
        });
        await using var agent = await ProxyAgent.StartAsync($$"""{ "Mode": "Cgn", "FallBackToBuiltIn": false, "Upstreams": [ { "Directory": "{{upstream.DirectoryUri}}" } ] }""");

        var (status, _, body, _) = await agent.PostAsync("/proxy/endpointcost", ProxyAgent.CostParams, """
            { "cost-type": { "cost-mode": "numerical", "cost-metric": "routingcost" },
              "endpoints": { "srcs": [ "altogwipv4port:203.0.113.7:6881" ], "dsts": [ "altogwipv4port:203.0.113.5:40001", "ipv4:8.8.8.8", "altogwipv4port:203.0.113.5:40999" ] } }
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJson("""{ "altogwipv4port:203.0.113.7:6881": { "altogwipv4port:203.0.113.5:40001": 2, "ipv4:8.8.8.8": 50 } }""", body!["endpoint-cost-map"]);
        var meta = body["meta"]!;
        Assert.Equal(upstream.DirectoryUri.ToString(), meta["altogw-upstream"]!.GetValue<string>());
        Assert.Equal("no-mapping", meta["altogw-unresolved"]!["altogwipv4port:203.0.113.5:40999"]!["reason"]!.GetValue<string>());
        var tolerated = meta["altogw-upstream-tolerated"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Contains(tolerated, t => t.StartsWith("GenericJsonContentType", StringComparison.Ordinal));

        // What the upstream saw: the subscribers' internal addresses, both lists named.
        var asked = upstream.Requests.Where(r => r.Method == "POST").Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.NotEmpty(asked);
        Assert.All(asked, a =>
        {
            Assert.Equal(["ipv4:127.0.0.1"], a["endpoints"]!["srcs"]!.AsArray().Select(s => s!.GetValue<string>()));
            Assert.Equal(["ipv4:100.64.0.10", "ipv4:8.8.8.8"], a["endpoints"]!["dsts"]!.AsArray().Select(s => s!.GetValue<string>()));
        });
    }

    [Fact]
    public async Task Endpoints_the_upstream_drops_are_reported_and_its_failures_become_502_503_and_504_alto_errors()
    {
        await using var upstream = await FakeAltoUpstream.StartAsync(Network, new FakeUpstreamBehaviour { DropUnknownEndpoints = true });
        await using var agent = await ProxyAgent.StartAsync($$"""
            { "Mode": "Cgn", "FallBackToBuiltIn": false, "Timeout": "00:00:00.500", "Retries": 1, "RetryDelay": "00:00:00.010",
              "FailuresToOpen": 100, "Upstreams": [ { "Directory": "{{upstream.DirectoryUri}}" } ] }
            """);
        var directory = upstream.DirectoryUri.ToString();

        // 203.0.113.7 is used by one subscriber only (127.0.0.1, "loopback" upstream); 8.8.8.8 is
        // in no PID the upstream "can place", so it drops it.
        var (status, _, body, _) = await agent.PostAsync("/proxy/endpointcost", ProxyAgent.CostParams, Ecs);
        Assert.Equal(HttpStatusCode.OK, status);
        AssertJson("""{ "ipv4:203.0.113.7": { "altogwipv4port:203.0.113.5:40001": 2 } }""", body!["endpoint-cost-map"]);
        AssertJson("""{ "ipv4:8.8.8.8": { "reason": "upstream-no-answer", "explanation": "the upstream ALTO server gave no answer for this endpoint" } }""",
            body["meta"]!["altogw-unresolved"]);

        // An invented error code about no field the tracker chose, an HTML 500 page, a reset: 502.
        foreach (var behaviour in new[] { new FakeUpstreamBehaviour { InventedErrorCode = true }, new FakeUpstreamBehaviour { HtmlError500 = true }, new FakeUpstreamBehaviour { ResetConnection = true } })
        {
            upstream.Behaviour = behaviour;
            var before = upstream.Requests.Count;
            (status, var contentType, body, _) = await agent.PostAsync("/proxy/endpointcost", ProxyAgent.CostParams, Ecs);
            Assert.Equal((HttpStatusCode.BadGateway, "application/alto-error+json"), (status, contentType));
            Assert.Equal("E_SYNTAX", body!["meta"]!["code"]!.GetValue<string>());
            Assert.StartsWith($"no upstream ALTO server gave a usable answer: {directory}: ", body["meta"]!["syntax-error"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.True(upstream.Requests.Count - before >= 2, "one retry after a retryable failure");
        }

        // Busy, with its own Retry-After: 503 passing it on; not retried at once.
        upstream.Behaviour = new FakeUpstreamBehaviour { Status503RetryAfter = "7" };
        (status, _, body, var headers) = await agent.PostAsync("/proxy/endpointcost", ProxyAgent.CostParams, Ecs);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(TimeSpan.FromSeconds(7), headers.RetryAfter!.Delta);
        Assert.StartsWith("every upstream ALTO server is busy: ", body!["meta"]!["syntax-error"]!.GetValue<string>(), StringComparison.Ordinal);

        // Slower than Proxy:Timeout, twice: 504.
        upstream.Behaviour = new FakeUpstreamBehaviour { Delay = TimeSpan.FromSeconds(5) };
        (status, _, body, _) = await agent.PostAsync("/proxy/endpointcost", ProxyAgent.CostParams, Ecs);
        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.StartsWith($"no upstream ALTO server answered in time: {directory}: ", body!["meta"]!["syntax-error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_upstream_opens_its_circuit_the_built_in_server_answers_instead_and_health_says_degraded()
    {
        await using var upstream = await FakeAltoUpstream.StartAsync(Network, new FakeUpstreamBehaviour { HtmlError500 = true });
        await using var agent = await ProxyAgent.StartAsync($$"""
            { "Mode": "Cgn", "FallBackToBuiltIn": true, "Retries": 0, "FailuresToOpen": 2, "BreakDuration": "00:10:00",
              "Upstreams": [ { "Directory": "{{upstream.DirectoryUri}}" } ] }
            """);

        for (var i = 0; i < 3; i++)
        {
            var (status, _, body, _) = await agent.PostAsync("/proxy/endpointcost", ProxyAgent.CostParams, Ecs);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("built-in", body!["meta"]!["altogw-upstream"]!.GetValue<string>());
            // The built-in server's own PIDs (203.0.113.7 is the loopback subscriber's alone): loopback → subscribers-a 3, → world 30.
            AssertJson("""{ "ipv4:203.0.113.7": { "altogwipv4port:203.0.113.5:40001": 3, "ipv4:8.8.8.8": 30 } }""", body["endpoint-cost-map"]);
        }

        // Two failures opened the circuit: the third request never reached the upstream.
        Assert.Equal(2, upstream.Requests.Count);
        var statusPage = JsonNode.Parse(await agent.Http.GetStringAsync($"{agent.LanBase}/status", TestContext.Current.CancellationToken))!;
        var component = statusPage["components"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "alto-upstreams")!;
        Assert.Equal("degraded", component["state"]!.GetValue<string>());
        Assert.Equal($"not answering: {upstream.DirectoryUri}; the built-in ALTO server answers instead", component["reason"]!.GetValue<string>());
        var metrics = await agent.Http.GetStringAsync($"{agent.LanBase}/metrics", TestContext.Current.CancellationToken);
        Assert.Contains($"altogw_proxy_upstream_circuit_open{{upstream=\"{upstream.DirectoryUri}\"}} 1", metrics, StringComparison.Ordinal);
        Assert.Contains($"altogw_proxy_upstream_requests_total{{outcome=\"skipped\",upstream=\"{upstream.DirectoryUri}\"}} 1", metrics, StringComparison.Ordinal);
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {JsonNode.Parse(expected)!.ToJsonString()}\nactual   {actual?.ToJsonString()}");
}

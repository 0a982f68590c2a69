using System.Net;
using System.Text.Json.Nodes;
using AltoGateway.Tests.Shared;
using AltoGateway.Tests.SharedAlto;

namespace AltoGateway.IntegrationTests.Proxy;

/// <summary>
/// The real agent picking upstreams by discovery against a real DNS server (knotd on loopback): the access domain's
/// U-NAPTR (RFC 7286) leads to one fake upstream, the RFC 8686 reverse NAPTR of a foreign address to another; an
/// ECS naming a source of each kind is split by source (RFC 8686 §4.4) and answered row by row. With the DNS server
/// gone the built-in server answers, and the component proxy-discovery says degraded.
/// </summary>
public sealed class ProxyDiscoveryTests
{
    private const string AccessDomain = "isp.test.";
    private const string ReverseApex = "113.0.203.in-addr.arpa.";

    // The loopback subscriber (behind 203.0.113.7, asked as 127.0.0.1 in CGN mode) and a foreign peer, 203.0.113.9.
    private const string Ecs = """
        { "cost-type": { "cost-mode": "numerical", "cost-metric": "routingcost" },
          "endpoints": { "srcs": [ "altogwipv4port:203.0.113.7:6881/udp", "ipv4:203.0.113.9" ], "dsts": [ "ipv4:8.8.8.8" ] } }
        """;

    [Fact]
    public async Task Each_source_is_answered_by_the_server_discovery_finds_for_it_and_by_the_built_in_server_when_dns_is_gone()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var ownServer = await FakeAltoUpstream.StartAsync(Settings("loopback", "127.0.0.0/8", 11));
        await using var foreignServer = await FakeAltoUpstream.StartAsync(Settings("foreign", "203.0.113.0/24", 22));
        var dns = await KnotServer.StartAsync(new Dictionary<string, string>
        {
            [AccessDomain] = Zone(AccessDomain, "@", ownServer.DirectoryUri),
            [ReverseApex] = Zone(ReverseApex, "9", foreignServer.DirectoryUri), // R32 of 203.0.113.9
        }, cancellation);
        var dnsRunning = true;
        try
        {
            await using var agent = await ProxyAgent.StartAsync($$"""
                { "Mode": "Cgn", "FallBackToBuiltIn": true, "BreakDuration": "00:10:00",
                  "Discovery": { "Enabled": true, "AccessDomain": "{{AccessDomain}}", "Service": "ALTO:http", "DnsServer": "{{dns.Address}}", "MaxUpstreams": 4 } }
                """);

            var (status, _, body, _) = await agent.PostAsync("/proxy/endpointcost", ProxyAgent.CostParams, Ecs);

            Assert.Equal(HttpStatusCode.OK, status);
            AssertJson("""{ "altogwipv4port:203.0.113.7:6881/udp": { "ipv4:8.8.8.8": 11 }, "ipv4:203.0.113.9": { "ipv4:8.8.8.8": 22 } }""", body!["endpoint-cost-map"]);
            var meta = body["meta"]!;
            Assert.Equal("several", meta["altogw-upstream"]!.GetValue<string>());
            AssertJson($$"""{ "altogwipv4port:203.0.113.7:6881/udp": "{{ownServer.DirectoryUri}}", "ipv4:203.0.113.9": "{{foreignServer.DirectoryUri}}" }""",
                meta["altogw-upstream-by-source"]);

            // Each server was asked about its own source only: the subscriber by its internal address.
            Assert.All(Posts(ownServer), a => Assert.Equal(["ipv4:127.0.0.1"], Srcs(a)));
            Assert.All(Posts(foreignServer), a => Assert.Equal(["ipv4:203.0.113.9"], Srcs(a)));
            Assert.NotEmpty(Posts(ownServer));
            Assert.NotEmpty(Posts(foreignServer));

            // The DNS server goes away; once the records' one-second TTL has run out, discovery fails and the
            // built-in server answers every source (loopback → world 30, isp-public → world 20).
            await dns.DisposeAsync();
            dnsRunning = false;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            do
            {
                await Task.Delay(250, cancellation);
                (status, _, body, _) = await agent.PostAsync("/proxy/endpointcost", ProxyAgent.CostParams, Ecs);
                Assert.Equal(HttpStatusCode.OK, status);
            }
            while (body!["meta"]!["altogw-upstream"]!.GetValue<string>() != "built-in" && DateTime.UtcNow < deadline);

            Assert.Equal("built-in", body["meta"]!["altogw-upstream"]!.GetValue<string>());
            AssertJson("""{ "altogwipv4port:203.0.113.7:6881/udp": { "ipv4:8.8.8.8": 30 }, "ipv4:203.0.113.9": { "ipv4:8.8.8.8": 20 } }""", body["endpoint-cost-map"]);
            Assert.Null(body["meta"]!["altogw-upstream-by-source"]);

            var statusPage = JsonNode.Parse(await agent.Http.GetStringAsync($"{agent.LanBase}/status", cancellation))!;
            var component = statusPage["components"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "proxy-discovery")!;
            Assert.Equal("degraded", component["state"]!.GetValue<string>());
            var metrics = await agent.Http.GetStringAsync($"{agent.LanBase}/metrics", cancellation);
            Assert.Contains("altogw_proxy_discovery_lookups_total{outcome=\"failed\",procedure=\"xdomdisc\"}", metrics, StringComparison.Ordinal);
            Assert.Contains("altogw_proxy_discovery_lookups_total{outcome=\"found\",procedure=\"access-domain\"}", metrics, StringComparison.Ordinal);
        }
        finally
        {
            if (dnsRunning)
            {
                await dns.DisposeAsync();
            }
        }
    }

    private static FakeAltoUpstreamSettings Settings(string pid, string prefix, double toWorld) => new()
    {
        NetworkMap = new Dictionary<string, string[]>(StringComparer.Ordinal) { [pid] = [prefix], ["world"] = ["0.0.0.0/0", "::/0"] },
        Costs = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal)
        {
            [pid] = new Dictionary<string, double>(StringComparer.Ordinal) { [pid] = 1, ["world"] = toWorld },
            ["world"] = new Dictionary<string, double>(StringComparer.Ordinal) { [pid] = toWorld, ["world"] = 50 },
        },
    };

    // TTL 1 s, so that the answers leave the agent's cache soon after the server is stopped.
    private static string Zone(string apex, string owner, Uri directory) => $"""
        $ORIGIN {apex}
        $TTL 1
        @ IN SOA ns1.isp.test. hostmaster.isp.test. 2024010101 7200 3600 1209600 1
        @ IN NS ns1.isp.test.
        {owner} IN NAPTR 100 10 "u" "ALTO:http" "!.*!{directory}!" .

        """;

    private static List<JsonNode> Posts(FakeAltoUpstream upstream) =>
        [.. upstream.Requests.Where(r => r.Method == "POST").Select(r => JsonNode.Parse(r.Body)!)];

    private static IEnumerable<string> Srcs(JsonNode request) => request["endpoints"]!["srcs"]!.AsArray().Select(s => s!.GetValue<string>());

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {JsonNode.Parse(expected)!.ToJsonString()}\nactual   {actual?.ToJsonString()}");
}

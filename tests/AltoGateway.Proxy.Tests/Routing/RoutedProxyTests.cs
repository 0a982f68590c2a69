using System.Net;
using System.Text.Json;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Answers;
using AltoGateway.Proxy.Placement;
using AltoGateway.Proxy.Routing;
using AltoGateway.Proxy.Upstreams;
using static AltoGateway.Proxy.Tests.Answers.Placements;

namespace AltoGateway.Proxy.Tests.Routing;

/// <summary>
/// The proxy with upstreams picked per source (RFC 8686 §4.3–4.4), through a router without DNS: an n:m ECS split by
/// source, each group asked through its own chain, the rows merged in the tracker's names, and the report saying who
/// answered what.
/// </summary>
public class RoutedProxyTests
{
    private static readonly Alto.Addressing.TypedEndpointAddress Tracker = Alto.Addressing.TypedEndpointAddress.Parse("ipv4:198.18.0.1");
    private readonly FlatCostUpstream _own = new("https://alto.isp.example/ird", 1);
    private readonly FlatCostUpstream _foreignB = new("https://alto.b.example/ird", 2);
    private readonly FlatCostUpstream _foreignC = new("https://alto.c.example/ird", 3);
    private readonly FlatCostUpstream _fallback = new("built-in", 9);

    [Fact]
    public async Task Cgn_an_n_to_m_ecs_is_split_by_source_and_each_row_comes_from_its_sources_upstream()
    {
        var nat = NatFixture.Cgn();
        var peer = nat.PeerIdOf("100.64.0.10");
        var router = Router(nat, ProxyMode.Cgn).Foreign("ipv4:198.18.0.1", _foreignB).Foreign("ipv4:198.18.0.2", _foreignB).Foreign("ipv4:8.8.8.8", _foreignC);
        var request = Ecs([peer, "ipv4:198.18.0.1", "ipv4:198.18.0.2", "ipv4:8.8.8.8"], ["altogwipv4port:203.0.113.5:6881/tcp", "ipv4:198.18.0.7"]);

        var outcome = await Proxy(nat, ProxyMode.Cgn, router).EndpointCostAsync(request, Tracker, TestContext.Current.CancellationToken);

        // This network's subscriber goes to the access domain's server, by its internal address.
        var own = Assert.Single(_own.CostRequests);
        Assert.Equal(["ipv4:100.64.0.10"], own.Endpoints.Srcs!);
        Assert.Equal(["ipv4:100.64.0.10", "ipv4:198.18.0.7"], own.Endpoints.Dsts);

        // The two sources with one discovered server are asked together; a foreign server learns no internal address.
        var b = Assert.Single(_foreignB.CostRequests);
        Assert.Equal(["ipv4:198.18.0.1", "ipv4:198.18.0.2"], b.Endpoints.Srcs!);
        Assert.Equal(["ipv4:203.0.113.5", "ipv4:198.18.0.7"], b.Endpoints.Dsts);
        var c = Assert.Single(_foreignC.CostRequests);
        Assert.Equal(["ipv4:8.8.8.8"], c.Endpoints.Srcs!);
        Assert.Empty(_fallback.CostRequests);

        Assert.True(outcome.IsSuccess);
        var map = outcome.Answer.EndpointCostMap;
        Assert.Equal([peer, "ipv4:198.18.0.1", "ipv4:198.18.0.2", "ipv4:8.8.8.8"], map.Keys);
        Assert.All(map[peer].Values, cost => Assert.Equal(1, cost));
        Assert.All(map["ipv4:198.18.0.1"].Values, cost => Assert.Equal(2, cost));
        Assert.All(map["ipv4:198.18.0.2"].Values, cost => Assert.Equal(2, cost));
        Assert.All(map["ipv4:8.8.8.8"].Values, cost => Assert.Equal(3, cost));
        Assert.All(map.Values, row => Assert.Equal(["altogwipv4port:203.0.113.5:6881/tcp", "ipv4:198.18.0.7"], row.Keys));

        Assert.Equal(UpstreamNames.Several, outcome.Upstream);
        Assert.Equal("\"several\"", Field(outcome.Answer.Meta, ProxyReport.UpstreamField));
        Assert.Equal(new Dictionary<string, string>
        {
            [peer] = _own.Name, ["ipv4:198.18.0.1"] = _foreignB.Name, ["ipv4:198.18.0.2"] = _foreignB.Name, ["ipv4:8.8.8.8"] = _foreignC.Name,
        }, BySource(outcome.Answer.Meta));
        Assert.Empty(UnresolvedCodes(outcome.Answer.Meta));
        AssertNeverEmpty([_own, _foreignB, _foreignC]);
    }

    [Fact]
    public async Task Sources_with_one_route_are_answered_as_without_discovery_with_no_by_source_field()
    {
        var nat = NatFixture.Cgn();
        var router = Router(nat, ProxyMode.Cgn);
        var request = Ecs(["altogwipv4port:203.0.113.5:6881/tcp", "ipv4:10.1.2.3"], ["ipv4:198.18.0.7"]);

        var outcome = await Proxy(nat, ProxyMode.Cgn, router).EndpointCostAsync(request, Tracker, TestContext.Current.CancellationToken);

        // A private address is this network's too (RFC 8686 §5.1.3: never looked up in reverse DNS).
        Assert.All(router.Asked, asked => Assert.Equal(SourceScope.OwnNetwork, asked.Scope));
        var asked = Assert.Single(_own.CostRequests);
        Assert.Equal(["ipv4:100.64.0.10", "ipv4:10.1.2.3"], asked.Endpoints.Srcs!);
        Assert.Equal(_own.Name, outcome.Upstream);
        Assert.Equal("\"" + _own.Name + "\"", Field(outcome.Answer!.Meta, ProxyReport.UpstreamField));
        Assert.Null(Field(outcome.Answer.Meta, ProxyReport.UpstreamBySourceField));
    }

    [Fact]
    public async Task A_source_discovery_could_not_place_is_answered_by_the_fallback_and_the_report_says_so()
    {
        var nat = NatFixture.Cgn();
        var router = Router(nat, ProxyMode.Cgn); // 198.18.0.1: nothing found, or DNS down: the fallback route
        var peer = nat.PeerIdOf("100.64.0.10");
        var request = Ecs([peer, "ipv4:198.18.0.1"], ["ipv4:198.18.0.7"]);

        var outcome = await Proxy(nat, ProxyMode.Cgn, router).EndpointCostAsync(request, Tracker, TestContext.Current.CancellationToken);

        Assert.Equal(["ipv4:198.18.0.1"], Assert.Single(_fallback.CostRequests).Endpoints.Srcs!);
        Assert.Equal(9, outcome.Answer!.EndpointCostMap["ipv4:198.18.0.1"]["ipv4:198.18.0.7"]);
        Assert.Equal(1, outcome.Answer.EndpointCostMap[peer]["ipv4:198.18.0.7"]);
        Assert.Equal(new Dictionary<string, string> { [peer] = _own.Name, ["ipv4:198.18.0.1"] = "built-in" }, BySource(outcome.Answer.Meta));
    }

    [Fact]
    public async Task A_group_nobody_answers_leaves_only_its_sources_unresolved_and_if_every_group_fails_the_tracker_gets_the_failure()
    {
        var nat = NatFixture.Cgn();
        var router = Router(nat, ProxyMode.Cgn).Foreign("ipv4:198.18.0.1", _foreignB);
        _foreignB.FailWith = _fallback.FailWith = new UpstreamFailure(UpstreamFailureKind.Unreachable, "connection refused");
        var request = Ecs(["ipv4:10.1.2.3", "ipv4:198.18.0.1"], ["ipv4:198.18.0.7"]);

        var outcome = await Proxy(nat, ProxyMode.Cgn, router).EndpointCostAsync(request, Tracker, TestContext.Current.CancellationToken);

        Assert.True(outcome.IsSuccess);
        Assert.Equal(["ipv4:10.1.2.3"], outcome.Answer.EndpointCostMap.Keys);
        Assert.Equal(new Dictionary<string, string> { ["ipv4:198.18.0.1"] = "upstream-no-answer" }, UnresolvedCodes(outcome.Answer.Meta));
        Assert.Equal(new Dictionary<string, string> { ["ipv4:10.1.2.3"] = _own.Name, ["ipv4:198.18.0.1"] = UpstreamNames.None }, BySource(outcome.Answer.Meta));

        _own.FailWith = _foreignB.FailWith;
        var failed = await Proxy(nat, ProxyMode.Cgn, router).EndpointCostAsync(request, Tracker, TestContext.Current.CancellationToken);
        Assert.False(failed.IsSuccess);
        Assert.Equal(502, failed.Failure.Status);
    }

    [Fact]
    public async Task Home_lan_pairs_stay_local_while_each_source_is_asked_at_its_own_upstream()
    {
        var nat = NatFixture.Home();
        var peer = nat.PeerIdOf("192.168.1.10");
        var router = Router(nat, ProxyMode.Home, IPAddress.Parse("203.0.113.5")).Foreign("ipv4:198.18.0.1", _foreignB);
        var request = Ecs([peer, "ipv4:198.18.0.1"], ["altogwipv4port:203.0.113.5:51413/udp", "ipv4:198.18.0.7"]);

        var outcome = await Proxy(nat, ProxyMode.Home, router, IPAddress.Parse("203.0.113.5")).EndpointCostAsync(request, Tracker, TestContext.Current.CancellationToken);

        Assert.Equal(["ipv4:203.0.113.5"], Assert.Single(_own.CostRequests).Endpoints.Srcs!);
        Assert.Equal(["ipv4:198.18.0.1"], Assert.Single(_foreignB.CostRequests).Endpoints.Srcs!);
        Assert.Equal(["ipv4:203.0.113.5", "ipv4:198.18.0.7"], _foreignB.CostRequests[0].Endpoints.Dsts);
        var map = outcome.Answer!.EndpointCostMap;
        Assert.Equal(new Dictionary<string, double> { ["altogwipv4port:203.0.113.5:51413/udp"] = EndpointCostPlan.LocalNumericalCost, ["ipv4:198.18.0.7"] = 1 }, map[peer]);
        Assert.Equal(new Dictionary<string, double> { ["altogwipv4port:203.0.113.5:51413/udp"] = 2, ["ipv4:198.18.0.7"] = 2 }, map["ipv4:198.18.0.1"]);
    }

    [Fact]
    public async Task An_eps_asks_each_address_at_its_own_upstream_and_merges_the_properties()
    {
        var nat = NatFixture.Cgn();
        var peer = nat.PeerIdOf("100.64.0.10");
        var router = Router(nat, ProxyMode.Cgn).Foreign("ipv4:198.18.0.1", _foreignB).Foreign("ipv4:8.8.8.8", _foreignC);
        var request = new EndpointPropertyRequest { Properties = ["pid"], Endpoints = [peer, "ipv4:198.18.0.1", "ipv4:8.8.8.8", "altogwpeer:garbage"] };

        var outcome = await Proxy(nat, ProxyMode.Cgn, router).EndpointPropertiesAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(["ipv4:100.64.0.10"], Assert.Single(_own.PropertyRequests).Endpoints);
        Assert.Equal(["ipv4:198.18.0.1"], Assert.Single(_foreignB.PropertyRequests).Endpoints);
        Assert.Equal(["ipv4:8.8.8.8"], Assert.Single(_foreignC.PropertyRequests).Endpoints);
        var properties = outcome.Answer!.EndpointProperties;
        Assert.Equal(_own.Name, properties[peer]["pid"]);
        Assert.Equal(_foreignB.Name, properties["ipv4:198.18.0.1"]["pid"]);
        Assert.Equal(_foreignC.Name, properties["ipv4:8.8.8.8"]["pid"]);
        Assert.Equal(new Dictionary<string, string> { ["altogwpeer:garbage"] = "peer-id-foreign" }, UnresolvedCodes(outcome.Answer.Meta));
        Assert.Equal("\"several\"", Field(outcome.Answer.Meta, ProxyReport.UpstreamField));
        var byEndpoint = JsonSerializer.Deserialize(Field(outcome.Answer.Meta, ProxyReport.UpstreamByEndpointField)!, TestJson.Default.DictionaryStringString)!;
        Assert.Equal(new Dictionary<string, string> { [peer] = _own.Name, ["ipv4:198.18.0.1"] = _foreignB.Name, ["ipv4:8.8.8.8"] = _foreignC.Name }, byEndpoint);
    }

    private TableRouter Router(NatFixture nat, ProxyMode mode, params IPAddress[] publicAddresses) =>
        new(new SourceScopes(mode, a => publicAddresses.Contains(a) || nat.Resolver.IsPublicAddressOfThisNat(a), nat.Resolver.PublicAddressOf), nat.Time, _fallback)
        {
            Own = _own,
        };

    private ThirdPartyProxy Proxy(NatFixture nat, ProxyMode mode, TableRouter router, params IPAddress[] publicAddresses) => new(
        new EndpointPlacer(mode, nat.Resolver, publicAddresses, issuesPeerIds: true),
        router.Chain(_fallback),
        router);

    private static void AssertNeverEmpty(IEnumerable<FlatCostUpstream> upstreams) =>
        Assert.All(upstreams.SelectMany(u => u.CostRequests), r => Assert.True(r.Endpoints.Srcs is { Count: > 0 } && r.Endpoints.Dsts.Count > 0));

    private static Dictionary<string, string> BySource(ResponseMeta meta) =>
        JsonSerializer.Deserialize(Field(meta, ProxyReport.UpstreamBySourceField)!, TestJson.Default.DictionaryStringString)!;

    private static EndpointCostRequest Ecs(List<string> srcs, List<string> dsts) => new()
    {
        CostType = new CostType(CostMode.Numerical, CostMetric.RoutingCost),
        Endpoints = new EndpointFilter { Srcs = srcs, Dsts = dsts },
    };
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class TestJson : System.Text.Json.Serialization.JsonSerializerContext;

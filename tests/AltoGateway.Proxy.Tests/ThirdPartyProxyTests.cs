using System.Net;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Answers;
using AltoGateway.Proxy.Placement;
using AltoGateway.Proxy.Upstreams;
using static AltoGateway.Proxy.Tests.Answers.Placements;

namespace AltoGateway.Proxy.Tests;

/// <summary>The whole proxy in memory: a NAT, the placer, the plans, a chain with one PID-table upstream.</summary>
public class ThirdPartyProxyTests
{
    private static readonly TypedEndpointAddress Tracker = TypedEndpointAddress.Parse("ipv4:198.18.0.1");
    private readonly PidTableUpstream _upstream = new();

    [Fact]
    public async Task Cgn_an_ecs_naming_peers_every_way_is_answered_in_the_trackers_names()
    {
        var nat = NatFixture.Cgn();
        var peer = nat.PeerIdOf("100.64.0.10");
        var request = Ecs(
            srcs: [peer, "altogwipv4port:192.0.2.1:2001", "ipv4:198.18.0.1"],
            dsts: ["altogwipv4port:203.0.113.5:6881/tcp", "ipv4:198.18.0.7", "altogwpeer:garbage", "altogwipv4port:203.0.113.5:7000", "ipv4:192.0.2.1"]);

        var outcome = await Proxy(nat, ProxyMode.Cgn).EndpointCostAsync(request, Tracker, TestContext.Current.CancellationToken);

        var asked = Assert.Single(_upstream.CostRequests);
        Assert.Equal(["ipv4:100.64.0.10", "ipv4:198.51.100.1", "ipv4:198.18.0.1"], asked.Endpoints.Srcs!);
        Assert.Equal(["ipv4:100.64.0.10", "ipv4:198.18.0.7", "ipv4:192.0.2.1"], asked.Endpoints.Dsts);

        Assert.True(outcome.IsSuccess);
        Assert.Equal(_upstream.Name, outcome.Upstream);
        var map = outcome.Answer.EndpointCostMap;
        Assert.Equal([peer, "altogwipv4port:192.0.2.1:2001", "ipv4:198.18.0.1"], map.Keys);
        Assert.Equal(new Dictionary<string, double> { ["altogwipv4port:203.0.113.5:6881/tcp"] = 1, ["ipv4:198.18.0.7"] = 10 }, map[peer]);
        Assert.Equal(new Dictionary<string, double> { ["altogwipv4port:203.0.113.5:6881/tcp"] = 1, ["ipv4:198.18.0.7"] = 10 }, map["altogwipv4port:192.0.2.1:2001"]);
        Assert.Equal(new Dictionary<string, double> { ["altogwipv4port:203.0.113.5:6881/tcp"] = 10, ["ipv4:198.18.0.7"] = 2 }, map["ipv4:198.18.0.1"]);

        var unresolved = new Dictionary<string, string>
        {
            ["altogwpeer:garbage"] = "peer-id-foreign",
            ["altogwipv4port:203.0.113.5:7000"] = "no-mapping",
            ["ipv4:192.0.2.1"] = "upstream-no-answer", // shared, so asked as itself, and the upstream's map lacks it
        };
        Assert.Equal(unresolved, UnresolvedCodes(outcome.Answer.Meta));
        Assert.Equal(unresolved.Keys.Order(), outcome.Report.Unresolved.Keys.Order());
        Assert.Equal(["ipv4:192.0.2.1"], outcome.Report.Approximate.Keys);
        Assert.Equal("\"" + _upstream.Name + "\"", Field(outcome.Answer.Meta, ProxyReport.UpstreamField));
        Assert.Equal(CostMode.Numerical, outcome.Answer.Meta.CostType!.CostMode);
    }

    [Fact]
    public async Task Home_peers_inside_the_lan_are_asked_as_the_gateway_and_ranked_cheapest_among_themselves()
    {
        var nat = NatFixture.Home();
        var peer = nat.PeerIdOf("192.168.1.10");
        var request = Ecs(
            srcs: [peer, "ipv4:198.18.0.1"],
            dsts: ["altogwipv4port:203.0.113.5:51413/udp", "ipv4:198.18.0.7", "altogwpeer:garbage"]);

        var outcome = await Proxy(nat, ProxyMode.Home, IPAddress.Parse("203.0.113.5")).EndpointCostAsync(request, Tracker, TestContext.Current.CancellationToken);

        var asked = Assert.Single(_upstream.CostRequests);
        Assert.Equal(["ipv4:203.0.113.5", "ipv4:198.18.0.1"], asked.Endpoints.Srcs!);
        Assert.Equal(["ipv4:203.0.113.5", "ipv4:198.18.0.7"], asked.Endpoints.Dsts);

        var map = outcome.Answer!.EndpointCostMap;
        Assert.Equal(new Dictionary<string, double> { ["altogwipv4port:203.0.113.5:51413/udp"] = 0, ["ipv4:198.18.0.7"] = 20 }, map[peer]);
        Assert.Equal(new Dictionary<string, double> { ["altogwipv4port:203.0.113.5:51413/udp"] = 20, ["ipv4:198.18.0.7"] = 2 }, map["ipv4:198.18.0.1"]);
        Assert.Equal(new Dictionary<string, string> { ["altogwpeer:garbage"] = "peer-id-foreign" }, UnresolvedCodes(outcome.Answer.Meta));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_ecs_without_srcs_names_the_trackers_address_explicitly_upstream(bool emptyList)
    {
        var nat = NatFixture.Cgn();
        var peer = nat.PeerIdOf("100.64.0.10");
        var request = Ecs(srcs: emptyList ? [] : null, dsts: [peer]);

        var outcome = await Proxy(nat, ProxyMode.Cgn).EndpointCostAsync(request, Tracker, TestContext.Current.CancellationToken);

        var asked = Assert.Single(_upstream.CostRequests);
        Assert.Equal(["ipv4:198.18.0.1"], asked.Endpoints.Srcs!);
        Assert.Equal(["ipv4:100.64.0.10"], asked.Endpoints.Dsts);
        Assert.Equal(new Dictionary<string, double> { [peer] = 10 }, outcome.Answer!.EndpointCostMap["ipv4:198.18.0.1"]);
    }

    [Fact]
    public async Task When_nothing_can_be_placed_no_upstream_is_asked()
    {
        var nat = NatFixture.Cgn();
        var request = Ecs(srcs: ["altogwpeer:garbage"], dsts: ["altogwipv4port:203.0.113.5:7000"]);

        var outcome = await Proxy(nat, ProxyMode.Cgn).EndpointCostAsync(request, Tracker, TestContext.Current.CancellationToken);

        Assert.Empty(_upstream.CostRequests);
        Assert.True(outcome.IsSuccess);
        Assert.Empty(outcome.Answer.EndpointCostMap);
        Assert.Equal(UpstreamNames.None, outcome.Upstream);
        Assert.Equal(
            new Dictionary<string, string> { ["altogwpeer:garbage"] = "peer-id-foreign", ["altogwipv4port:203.0.113.5:7000"] = "no-mapping" },
            UnresolvedCodes(outcome.Answer.Meta));
    }

    [Fact]
    public async Task An_eps_is_answered_in_the_trackers_names()
    {
        var nat = NatFixture.Cgn();
        var peer = nat.PeerIdOf("100.64.0.10");
        var request = new EndpointPropertyRequest
        {
            Properties = [PidTableUpstream.PidProperty],
            Endpoints = [peer, "altogwipv4port:192.0.2.1:2001", "ipv4:203.0.113.6", "altogwpeer:garbage", "altogwipv4port:203.0.113.5:6881"],
        };

        var outcome = await Proxy(nat, ProxyMode.Cgn).EndpointPropertiesAsync(request, TestContext.Current.CancellationToken);

        var asked = Assert.Single(_upstream.PropertyRequests);
        Assert.Equal(["ipv4:100.64.0.10", "ipv4:198.51.100.1", "ipv4:203.0.113.6"], asked.Endpoints);
        Assert.Equal([PidTableUpstream.PidProperty], asked.Properties);

        var properties = outcome.Answer!.EndpointProperties;
        Assert.Equal([peer, "altogwipv4port:192.0.2.1:2001", "ipv4:203.0.113.6", "altogwipv4port:203.0.113.5:6881"], properties.Keys);
        Assert.Equal(
            ["subscribers", "subscribers", "gateway", "subscribers"],
            properties.Values.Select(p => p[PidTableUpstream.PidProperty]));
        Assert.Equal(new Dictionary<string, string> { ["altogwpeer:garbage"] = "peer-id-foreign" }, UnresolvedCodes(outcome.Answer.Meta));
        Assert.Equal(["ipv4:203.0.113.6"], outcome.Report.Approximate.Keys);
    }

    [Fact]
    public async Task A_chain_failure_comes_back_as_the_outcomes_failure_with_the_report()
    {
        var nat = NatFixture.Cgn();
        _upstream.FailWith = new UpstreamFailure(UpstreamFailureKind.Timeout, "no answer within 5 s");
        var request = Ecs(srcs: ["ipv4:198.18.0.1", "altogwpeer:garbage"], dsts: ["ipv4:198.18.0.7"]);

        var outcome = await Proxy(nat, ProxyMode.Cgn).EndpointCostAsync(request, Tracker, TestContext.Current.CancellationToken);

        Assert.False(outcome.IsSuccess);
        Assert.Null(outcome.Answer);
        Assert.Equal(
            new ProxyFailure(504, AltoError.Syntax("no upstream ALTO server answered in time: https://alto.isp.example/ird: no answer within 5 s")),
            outcome.Failure);
        Assert.Equal(_upstream.Name, outcome.Upstream);
        Assert.Equal(UnresolvedReason.PeerIdForeign, Assert.Single(outcome.Report.Unresolved).Value);
    }

    [Fact]
    public async Task An_eps_no_upstream_offers_is_refused_with_the_first_property()
    {
        var nat = NatFixture.Cgn();
        _upstream.FailWith = new UpstreamFailure(UpstreamFailureKind.Unsupported, "no EPS resource for priv:region");
        var request = new EndpointPropertyRequest { Properties = ["priv:region", PidTableUpstream.PidProperty], Endpoints = ["ipv4:198.18.0.7"] };

        var outcome = await Proxy(nat, ProxyMode.Cgn).EndpointPropertiesAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(new ProxyFailure(400, AltoError.InvalidFieldValue("properties", "priv:region")), outcome.Failure);
    }

    [Fact]
    public async Task A_name_the_reader_would_have_refused_is_the_callers_bug()
    {
        var request = Ecs(srcs: ["ipv4:198.18.0.1"], dsts: ["altogwpeer:abc="]);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Proxy(NatFixture.Cgn(), ProxyMode.Cgn).EndpointCostAsync(request, Tracker, TestContext.Current.CancellationToken));
        Assert.Empty(_upstream.CostRequests);
    }

    private ThirdPartyProxy Proxy(NatFixture nat, ProxyMode mode, params IPAddress[] publicAddresses) => new(
        new EndpointPlacer(mode, nat.Resolver, publicAddresses, issuesPeerIds: true),
        new UpstreamChain([new GuardedUpstream(_upstream, new CircuitBreaker(3, TimeSpan.FromSeconds(30), nat.Time))], 0, TimeSpan.FromSeconds(1), nat.Time));

    private static EndpointCostRequest Ecs(List<string>? srcs, List<string> dsts) => new()
    {
        CostType = new CostType(CostMode.Numerical, CostMetric.RoutingCost),
        Endpoints = new EndpointFilter { Srcs = srcs, Dsts = dsts },
    };
}

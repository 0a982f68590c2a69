using System.Text;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Answers;
using AltoGateway.Proxy.Placement;
using AltoGateway.Proxy.Upstreams;
using static AltoGateway.Proxy.Tests.Answers.Placements;

namespace AltoGateway.Proxy.Tests.Answers;

public class EndpointCostPlanTests
{
    private const string Upstream = "https://alto.example.net/ird";
    private const string Gateway = "ipv4:203.0.113.5"; // home mode: what LAN peers are asked as

    [Fact]
    public void Names_that_place_at_one_address_are_asked_once_and_each_gets_the_answer()
    {
        var plan = EndpointCostPlan.Create(Request(),
            [At("altogwpeer:AAAA", "ipv4:100.64.0.10"), At("altogwipv4port:203.0.113.5:6881", "ipv4:100.64.0.10"), At("ipv4:203.0.113.5", "ipv4:100.64.0.10")],
            [At("ipv4:198.18.0.1"), At("altogwipv4port:198.18.0.1:6881", "ipv4:198.18.0.1"), At("ipv4:198.18.0.2")]);

        Assert.Equal(["ipv4:100.64.0.10"], plan.UpstreamRequest!.Endpoints.Srcs!);
        Assert.Equal(["ipv4:198.18.0.1", "ipv4:198.18.0.2"], plan.UpstreamRequest.Endpoints.Dsts);

        var answer = plan.Assemble(Answer(("ipv4:100.64.0.10", "ipv4:198.18.0.1", 5), ("ipv4:100.64.0.10", "ipv4:198.18.0.2", 9)), Upstream, []);

        var row = new Dictionary<string, double> { ["ipv4:198.18.0.1"] = 5, ["altogwipv4port:198.18.0.1:6881"] = 5, ["ipv4:198.18.0.2"] = 9 };
        Assert.Equal(["altogwpeer:AAAA", "altogwipv4port:203.0.113.5:6881", "ipv4:203.0.113.5"], answer.EndpointCostMap.Keys);
        Assert.All(answer.EndpointCostMap.Values, actual => Assert.Equal(row, actual));
        Assert.Empty(UnresolvedCodes(answer.Meta));
        Assert.Equal("\"" + Upstream + "\"", Field(answer.Meta, ProxyReport.UpstreamField));
    }

    [Fact]
    public void The_answer_is_keyed_by_the_trackers_exact_texts_and_the_upstream_asked_canonically()
    {
        var plan = EndpointCostPlan.Create(Request(), [At("ipv6:2001:DB8::1")], [At("ipv6:2001:0db8:0:0::2"), At("altogwipv6port:[2001:DB8::3]:6881/udp", "ipv6:2001:db8::3")]);

        Assert.Equal(["ipv6:2001:db8::1"], plan.UpstreamRequest!.Endpoints.Srcs!);
        Assert.Equal(["ipv6:2001:db8::2", "ipv6:2001:db8::3"], plan.UpstreamRequest.Endpoints.Dsts);

        var answer = plan.Assemble(Answer(("ipv6:2001:db8::1", "ipv6:2001:db8::2", 1.5), ("ipv6:2001:db8::1", "ipv6:2001:db8::3", 2.5)), Upstream, []);

        Assert.Equal(
            new Dictionary<string, double> { ["ipv6:2001:0db8:0:0::2"] = 1.5, ["altogwipv6port:[2001:DB8::3]:6881/udp"] = 2.5 },
            Assert.Single(answer.EndpointCostMap, e => e.Key == "ipv6:2001:DB8::1").Value);
    }

    [Fact]
    public void An_upstream_that_keys_its_answer_non_canonically_is_still_understood()
    {
        var plan = EndpointCostPlan.Create(Request(), [At("ipv6:2001:db8::1")], [At("ipv6:2001:db8::2"), At("ipv4:198.18.0.1")]);

        var answer = plan.Assemble(Answer(("ipv6:2001:0DB8:0000::1", "ipv6:2001:DB8::0:2", 3), ("ipv6:2001:0DB8:0000::1", "ipv4:198.18.0.1", 4)), Upstream, []);

        Assert.Equal(new Dictionary<string, double> { ["ipv6:2001:db8::2"] = 3, ["ipv4:198.18.0.1"] = 4 }, answer.EndpointCostMap["ipv6:2001:db8::1"]);
        Assert.Empty(UnresolvedCodes(answer.Meta));
    }

    [Fact]
    public void Home_local_pairs_cost_zero_numerically_and_only_the_other_pairs_are_asked()
    {
        // A and C are inside the LAN; B and D are not.
        var plan = EndpointCostPlan.Create(Request(),
            [At("altogwpeer:AAAA", Gateway, insideLan: true), At("ipv4:198.18.0.2")],
            [At("altogwipv4port:203.0.113.5:51413", Gateway, insideLan: true), At("ipv4:198.18.0.4")]);

        Assert.Equal([Gateway, "ipv4:198.18.0.2"], plan.UpstreamRequest!.Endpoints.Srcs!);
        Assert.Equal([Gateway, "ipv4:198.18.0.4"], plan.UpstreamRequest.Endpoints.Dsts);

        var answer = plan.Assemble(Answer(
            (Gateway, Gateway, 99), (Gateway, "ipv4:198.18.0.4", 20), ("ipv4:198.18.0.2", Gateway, 7), ("ipv4:198.18.0.2", "ipv4:198.18.0.4", 30)), Upstream, []);

        Assert.Equal(new Dictionary<string, double> { ["altogwipv4port:203.0.113.5:51413"] = EndpointCostPlan.LocalNumericalCost, ["ipv4:198.18.0.4"] = 20 }, answer.EndpointCostMap["altogwpeer:AAAA"]);
        Assert.Equal(new Dictionary<string, double> { ["altogwipv4port:203.0.113.5:51413"] = 7, ["ipv4:198.18.0.4"] = 30 }, answer.EndpointCostMap["ipv4:198.18.0.2"]);
        Assert.Equal(0, EndpointCostPlan.LocalNumericalCost);
    }

    [Fact]
    public void Home_local_pairs_rank_first_ordinally_and_the_upstreams_ranks_move_down_in_that_row_only()
    {
        var plan = EndpointCostPlan.Create(Request(CostMode.Ordinal),
            [At("altogwpeer:AAAA", Gateway, insideLan: true), At("ipv4:198.18.0.2")],
            [At("altogwpeer:BBBB", Gateway, insideLan: true), At("ipv4:198.18.0.4"), At("ipv4:198.18.0.5")]);

        var answer = plan.Assemble(Answer(
            (Gateway, "ipv4:198.18.0.4", 1), (Gateway, "ipv4:198.18.0.5", 2),
            ("ipv4:198.18.0.2", Gateway, 2), ("ipv4:198.18.0.2", "ipv4:198.18.0.4", 1), ("ipv4:198.18.0.2", "ipv4:198.18.0.5", 3)), Upstream, []);

        Assert.Equal(new Dictionary<string, double> { ["altogwpeer:BBBB"] = 1, ["ipv4:198.18.0.4"] = 2, ["ipv4:198.18.0.5"] = 3 }, answer.EndpointCostMap["altogwpeer:AAAA"]);
        Assert.Equal(new Dictionary<string, double> { ["altogwpeer:BBBB"] = 2, ["ipv4:198.18.0.4"] = 1, ["ipv4:198.18.0.5"] = 3 }, answer.EndpointCostMap["ipv4:198.18.0.2"]);
        Assert.Equal(CostMode.Ordinal, answer.Meta.CostType!.CostMode);
    }

    [Fact]
    public void Home_with_local_pairs_the_constraints_are_applied_here_and_not_forwarded()
    {
        var plan = EndpointCostPlan.Create(Request(constraints: ["gt 0", "le 10"]),
            [At("altogwpeer:AAAA", Gateway, insideLan: true), At("ipv4:198.18.0.2")],
            [At("altogwpeer:BBBB", Gateway, insideLan: true), At("ipv4:198.18.0.4")]);

        Assert.Null(plan.UpstreamRequest!.Constraints);

        var answer = plan.Assemble(Answer(
            (Gateway, "ipv4:198.18.0.4", 20), ("ipv4:198.18.0.2", Gateway, 7), ("ipv4:198.18.0.2", "ipv4:198.18.0.4", 10.5)), Upstream, []);

        Assert.Empty(answer.EndpointCostMap["altogwpeer:AAAA"]); // 0 is not > 0, 20 is not <= 10
        Assert.Equal(new Dictionary<string, double> { ["altogwpeer:BBBB"] = 7 }, answer.EndpointCostMap["ipv4:198.18.0.2"]);
        Assert.Empty(UnresolvedCodes(answer.Meta)); // with constraints, a missing cost is no missing answer
    }

    [Fact]
    public void Ordinal_constraints_apply_to_the_ranks_the_tracker_sees()
    {
        var plan = EndpointCostPlan.Create(Request(CostMode.Ordinal, ["le 2"]),
            [At("altogwpeer:AAAA", Gateway, insideLan: true)],
            [At("altogwpeer:BBBB", Gateway, insideLan: true), At("ipv4:198.18.0.4"), At("ipv4:198.18.0.5")]);

        var answer = plan.Assemble(Answer((Gateway, "ipv4:198.18.0.4", 1), (Gateway, "ipv4:198.18.0.5", 2)), Upstream, []);

        Assert.Equal(new Dictionary<string, double> { ["altogwpeer:BBBB"] = 1, ["ipv4:198.18.0.4"] = 2 }, answer.EndpointCostMap["altogwpeer:AAAA"]);
    }

    [Fact]
    public void Without_local_pairs_the_constraints_are_forwarded()
    {
        var plan = EndpointCostPlan.Create(Request(constraints: ["ge 1", "lt 100"]),
            [At("altogwpeer:AAAA", Gateway, insideLan: true)],
            [At("ipv4:198.18.0.4")]);

        Assert.Equal(["ge 1", "lt 100"], plan.UpstreamRequest!.Constraints!);
    }

    [Fact]
    public void Home_when_every_pair_is_local_nobody_is_asked_and_the_upstream_is_none()
    {
        var plan = EndpointCostPlan.Create(Request(),
            [At("altogwpeer:AAAA", Gateway, insideLan: true)],
            [At("altogwpeer:BBBB", Gateway, insideLan: true), At("altogwipv4port:203.0.113.5:6881", Gateway, insideLan: true)]);

        Assert.Null(plan.UpstreamRequest);

        var answer = plan.Assemble(null, Upstream, []);

        Assert.Equal(new Dictionary<string, double> { ["altogwpeer:BBBB"] = 0, ["altogwipv4port:203.0.113.5:6881"] = 0 }, answer.EndpointCostMap["altogwpeer:AAAA"]);
        Assert.Equal("\"none\"", Field(answer.Meta, ProxyReport.UpstreamField));
        Assert.Null(Field(answer.Meta, ProxyReport.UnresolvedField));
    }

    [Fact]
    public void When_no_source_is_placed_nobody_is_asked_and_every_endpoint_without_an_answer_is_reported()
    {
        var plan = EndpointCostPlan.Create(Request(),
            [Not("altogwpeer:AAAA", UnresolvedReason.PeerIdExpired)],
            [At("ipv4:198.18.0.4"), Not("altogwipv4port:192.0.2.1:80", UnresolvedReason.NoMapping)]);

        Assert.Null(plan.UpstreamRequest);

        var answer = plan.Assemble(null, UpstreamNames.None, []);

        Assert.Empty(answer.EndpointCostMap);
        Assert.Equal(
            new Dictionary<string, string> { ["altogwpeer:AAAA"] = "peer-id-expired", ["altogwipv4port:192.0.2.1:80"] = "no-mapping" },
            UnresolvedCodes(answer.Meta));
        Assert.Equal("\"none\"", Field(answer.Meta, ProxyReport.UpstreamField));
        Assert.Equal(UnresolvedReason.PeerIdExpired, plan.Report.Unresolved["altogwpeer:AAAA"]);
    }

    [Fact]
    public void Every_unresolved_reason_is_reported_with_its_code_and_explanation()
    {
        var plan = EndpointCostPlan.Create(Request(),
            [At("ipv4:198.18.0.1"), Not("altogwpeer:unknown", UnresolvedReason.PeerIdUnknown), Not("altogwpeer:expired", UnresolvedReason.PeerIdExpired)],
            [
                At("ipv4:198.18.0.2"), Not("altogwpeer:foreign", UnresolvedReason.PeerIdForeign), Not("altogwpeer:off", UnresolvedReason.PeerIdsOff),
                Not("altogwipv4port:192.0.2.1:80", UnresolvedReason.NoMapping), Not("altogwpeer:nopublic", UnresolvedReason.NoPublicAddress),
                At("ipv4:198.18.0.3"),
            ]);

        var answer = plan.Assemble(Answer(("ipv4:198.18.0.1", "ipv4:198.18.0.2", 1)), Upstream, []);

        Assert.Equal(
            """
            {"altogwpeer:unknown":{"reason":"peer-id-unknown","explanation":"no subscriber behind this gateway holds this peer ID now"},
            "altogwpeer:expired":{"reason":"peer-id-expired","explanation":"the peer ID has expired; the peer must fetch a new one"},
            "altogwpeer:foreign":{"reason":"peer-id-foreign","explanation":"not a peer ID issued by this gateway; ask the gateway the peer\u0027s public address leads to"},
            "altogwpeer:off":{"reason":"peer-ids-off","explanation":"this gateway issues no peer IDs"},
            "altogwipv4port:192.0.2.1:80":{"reason":"no-mapping","explanation":"a public address of this gateway, but no subscriber uses that port now"},
            "altogwpeer:nopublic":{"reason":"no-public-address","explanation":"the gateway does not know this subscriber\u0027s public address"},
            "ipv4:198.18.0.3":{"reason":"upstream-no-answer","explanation":"the upstream ALTO server gave no answer for this endpoint"}}
            """.Replace("\n", "", StringComparison.Ordinal),
            Field(answer.Meta, ProxyReport.UnresolvedField));
    }

    [Fact]
    public void The_trackers_answer_is_written_byte_exactly()
    {
        var plan = EndpointCostPlan.Create(Request(),
            [At("altogwpeer:AAAA", "ipv4:100.64.0.10")],
            [At("ipv4:198.18.0.1"), Not("altogwpeer:gone", UnresolvedReason.PeerIdUnknown), At("ipv4:192.0.2.1", approximation: "shared")]);

        var answer = plan.Assemble(Answer(("ipv4:100.64.0.10", "ipv4:198.18.0.1", 7), ("ipv4:100.64.0.10", "ipv4:192.0.2.1", 2.25)), Upstream, []);

        Assert.Equal(
            """
            {"meta":{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"},
            "altogw-upstream":"https://alto.example.net/ird",
            "altogw-unresolved":{"altogwpeer:gone":{"reason":"peer-id-unknown","explanation":"no subscriber behind this gateway holds this peer ID now"}},
            "altogw-approximate":{"ipv4:192.0.2.1":"shared"}},
            "endpoint-cost-map":{"altogwpeer:AAAA":{"ipv4:198.18.0.1":7,"ipv4:192.0.2.1":2.25}}}
            """.Replace("\n", "", StringComparison.Ordinal),
            Encoding.UTF8.GetString(AltoJsonWriter.Write(answer, EndpointNameGrammar.Gateway)));
    }

    [Fact]
    public void Sources_and_destinations_the_upstream_left_out_are_reported_as_no_answer()
    {
        var plan = EndpointCostPlan.Create(Request(),
            [At("altogwpeer:AAAA", "ipv4:100.64.0.10"), At("altogwpeer:BBBB", "ipv4:100.64.0.11")],
            [At("ipv4:198.18.0.1"), At("altogwipv4port:198.18.0.9:1", "ipv4:198.18.0.9")]);

        var answer = plan.Assemble(Answer(("ipv4:100.64.0.10", "ipv4:198.18.0.1", 1)), Upstream, []);

        Assert.Equal(["altogwpeer:AAAA"], answer.EndpointCostMap.Keys);
        Assert.Equal(
            new Dictionary<string, string> { ["altogwpeer:BBBB"] = "upstream-no-answer", ["altogwipv4port:198.18.0.9:1"] = "upstream-no-answer" },
            UnresolvedCodes(answer.Meta));
    }

    [Fact]
    public void With_constraints_a_destination_without_a_cost_is_not_reported()
    {
        var plan = EndpointCostPlan.Create(Request(constraints: ["le 5"]),
            [At("ipv4:198.18.0.1")],
            [At("ipv4:198.18.0.2"), At("ipv4:198.18.0.3")]);

        var answer = plan.Assemble(Answer(("ipv4:198.18.0.1", "ipv4:198.18.0.2", 1)), Upstream, []);

        Assert.Equal(new Dictionary<string, double> { ["ipv4:198.18.0.2"] = 1 }, answer.EndpointCostMap["ipv4:198.18.0.1"]);
        Assert.Null(Field(answer.Meta, ProxyReport.UnresolvedField));
    }

    [Fact]
    public void With_constraints_a_source_without_a_row_is_not_reported()
    {
        // §11.5.1.3: a source none of whose costs satisfy the constraints may come back without a row.
        var plan = EndpointCostPlan.Create(Request(constraints: ["le 5"]),
            [At("ipv4:198.18.0.1"), At("ipv4:198.18.0.7")],
            [At("ipv4:198.18.0.2")]);

        var answer = plan.Assemble(Answer(("ipv4:198.18.0.1", "ipv4:198.18.0.2", 1)), Upstream, []);

        Assert.Equal(["ipv4:198.18.0.1"], answer.EndpointCostMap.Keys);
        Assert.Null(Field(answer.Meta, ProxyReport.UnresolvedField));
    }

    [Fact]
    public void When_nothing_was_asked_no_endpoint_is_blamed_on_the_upstream()
    {
        // The only destination cannot be placed, so no upstream is asked ("altogw-upstream": "none");
        // the placed source then has no row, but not because an upstream left it out.
        var plan = EndpointCostPlan.Create(Request(), [At("ipv4:198.18.0.1")], [Not("altogwpeer:gone", UnresolvedReason.PeerIdUnknown)]);

        Assert.Null(plan.UpstreamRequest);
        var answer = plan.Assemble(null, UpstreamNames.None, []);

        Assert.Equal("\"none\"", Field(answer.Meta, ProxyReport.UpstreamField));
        Assert.Equal(new Dictionary<string, string> { ["altogwpeer:gone"] = "peer-id-unknown" }, UnresolvedCodes(answer.Meta));
    }

    [Fact]
    public void Unknown_fields_travel_upstream_and_back_with_what_was_tolerated()
    {
        var request = Request();
        request.ExtensionData = new Dictionary<string, System.Text.Json.JsonElement> { ["priv:tracker-hint"] = Json("""{"swarm":42}""") };
        request.Endpoints.ExtensionData = new Dictionary<string, System.Text.Json.JsonElement> { ["priv:order"] = Json("\"by-cost\"") };
        var plan = EndpointCostPlan.Create(request, [At("ipv4:198.18.0.1")], [At("ipv4:198.18.0.2")]);

        Assert.Equal("""{"swarm":42}""", plan.UpstreamRequest!.ExtensionData!["priv:tracker-hint"].GetRawText());
        Assert.Equal("\"by-cost\"", plan.UpstreamRequest.Endpoints.ExtensionData!["priv:order"].GetRawText());
        Assert.NotSame(request.ExtensionData, plan.UpstreamRequest.ExtensionData);

        var upstream = Answer(("ipv4:198.18.0.1", "ipv4:198.18.0.2", 1));
        upstream.Meta.ExtensionData = new Dictionary<string, System.Text.Json.JsonElement> { ["priv:server-note"] = Json("[1,2]") };
        upstream.ExtensionData = new Dictionary<string, System.Text.Json.JsonElement> { ["priv:top"] = Json("true") };
        var answer = plan.Assemble(upstream, Upstream, ["content-type: application/json"]);

        Assert.Equal("[1,2]", Field(answer.Meta, "priv:server-note"));
        Assert.Equal("""["content-type: application/json"]""", Field(answer.Meta, ProxyReport.ToleratedField));
        Assert.Equal("true", answer.ExtensionData!["priv:top"].GetRawText());
        Assert.Single(upstream.Meta.ExtensionData); // the upstream's answer is not written into
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_upstream_is_never_asked_with_an_empty_list_and_every_non_local_pair_is_asked_and_answered(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 400; round++)
        {
            var pool = RandomPlacementPool(random);
            var srcs = Pick(random, pool, random.Next(0, 5));
            var dsts = Pick(random, pool, random.Next(0, 5));
            var plan = EndpointCostPlan.Create(Request(), srcs, dsts);

            var placedSrcs = srcs.Where(p => p.IsPlaced).ToList();
            var placedDsts = dsts.Where(p => p.IsPlaced).ToList();
            var pairs = placedSrcs.SelectMany(s => placedDsts.Select(d => (s, d))).Where(p => !(p.s.InsideLan && p.d.InsideLan)).ToList();
            if (plan.UpstreamRequest is not { } asked)
            {
                Assert.Empty(pairs);
            }
            else
            {
                var askedSrcs = asked.Endpoints.Srcs!;
                var askedDsts = asked.Endpoints.Dsts;
                Assert.NotEmpty(askedSrcs);
                Assert.NotEmpty(askedDsts);
                Assert.Equal(askedSrcs.Distinct().Count(), askedSrcs.Count);
                Assert.Equal(askedDsts.Distinct().Count(), askedDsts.Count);
                Assert.All(pairs, p => Assert.Contains(p.s.AskAs.ToString(), askedSrcs));
                Assert.All(pairs, p => Assert.Contains(p.d.AskAs.ToString(), askedDsts));

                // Nothing is asked that no pair needs, and each address is asked in the order first named.
                Assert.Equal(placedSrcs.Where(s => pairs.Exists(p => p.s == s)).Select(s => s.AskAs.ToString()).Distinct(), askedSrcs);
                Assert.Equal(placedDsts.Where(d => pairs.Exists(p => p.d == d)).Select(d => d.AskAs.ToString()).Distinct(), askedDsts);
            }

            // A complete upstream answer gives every placed pair its cost, keyed by the tracker's names.
            var upstream = plan.UpstreamRequest is { } r
                ? Answer([.. r.Endpoints.Srcs!.SelectMany(s => r.Endpoints.Dsts.Select(d => (s, d, Cost(s, d))))])
                : null;
            var answer = plan.Assemble(upstream, Upstream, []);
            foreach (var s in placedSrcs)
            {
                foreach (var d in placedDsts)
                {
                    var expected = s.InsideLan && d.InsideLan ? EndpointCostPlan.LocalNumericalCost : Cost(s.AskAs.ToString(), d.AskAs.ToString());
                    Assert.Equal(expected, answer.EndpointCostMap[s.Name.Text][d.Name.Text]);
                }
            }

            // Every endpoint that could not be placed is reported with its reason; none with an answer is.
            var reported = UnresolvedCodes(answer.Meta);
            Assert.All(srcs.Concat(dsts).Where(p => !p.IsPlaced), p => Assert.Equal(UnresolvedReasons.Code(p.Unresolved!.Value), reported[p.Name.Text]));
            Assert.All(answer.EndpointCostMap, row => Assert.DoesNotContain(row.Key, reported.Keys));
            Assert.All(answer.EndpointCostMap.Values.SelectMany(row => row.Keys), name => Assert.DoesNotContain(name, reported.Keys));
        }
    }

    private static EndpointCostRequest Request(string mode = CostMode.Numerical, List<string>? constraints = null) => new()
    {
        CostType = new CostType(mode, CostMetric.RoutingCost),
        Constraints = constraints,
        Endpoints = new EndpointFilter { Dsts = ["ipv4:192.0.2.1"] }, // the plan reads the placements, not these
    };

    private static EndpointCostResponse Answer(params (string Src, string Dst, double Cost)[] costs)
    {
        var response = new EndpointCostResponse { Meta = new ResponseMeta { CostType = new CostType(CostMode.Numerical, CostMetric.RoutingCost) } };
        foreach (var (src, dst, cost) in costs)
        {
            if (!response.EndpointCostMap.TryGetValue(src, out var row))
            {
                response.EndpointCostMap[src] = row = [];
            }

            row[dst] = cost;
        }

        return response;
    }

    private static double Cost(string src, string dst) => (StringComparer.Ordinal.GetHashCode(src + ">" + dst) & 0xFFFF) + 1;

    /// <summary>A consistent world: each name always places the same way (as with a real placer).</summary>
    private static List<EndpointPlacement> RandomPlacementPool(Random random)
    {
        string[] addresses = ["ipv4:100.64.0.10", "ipv4:100.64.0.11", "ipv4:198.18.0.1", "ipv6:2001:db8::1"];
        var reasons = Enum.GetValues<UnresolvedReason>();
        var pool = new List<EndpointPlacement>();
        for (var i = 0; i < 8; i++)
        {
            var name = "altogwpeer:P" + i;
            pool.Add(random.Next(4) switch
            {
                0 => Not(name, reasons[random.Next(reasons.Length - 1)]), // upstream-no-answer is no placement outcome
                1 => At(name, Gateway, insideLan: true),
                _ => At(name, addresses[random.Next(addresses.Length)]),
            });
        }

        return pool;
    }

    private static List<EndpointPlacement> Pick(Random random, List<EndpointPlacement> pool, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => pool[random.Next(pool.Count)])];
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.Messages;
using AltoGateway.Host.Alto;
using AltoGateway.Host.Configuration;

namespace AltoGateway.Host.Tests.Alto;

public class AltoServerEngineTests
{
    private static readonly CostType Numerical = new(CostMode.Numerical, CostMetric.RoutingCost);
    private static readonly CostType Ordinal = new(CostMode.Ordinal, CostMetric.RoutingCost);
    private static readonly TypedEndpointAddress Client = TypedEndpointAddress.Parse("ipv4:127.0.0.1");
    private readonly AltoServerEngine _default = new(AltoMaps.Build(new AltoOptions()));

    [Theory]
    [InlineData(CostMode.Numerical, """{"ipv4:192.168.1.5":{"ipv4:192.168.1.9":1,"ipv4:8.8.8.8":10,"ipv6:FD00::1":1}}""")]
    [InlineData(CostMode.Ordinal, """{"ipv4:192.168.1.5":{"ipv4:192.168.1.9":1,"ipv4:8.8.8.8":2,"ipv6:FD00::1":1}}""")]
    public void The_endpoint_cost_service_answers_in_the_names_of_the_request(string mode, string expected)
    {
        var response = _default.EndpointCost(CostRequest(mode, ["ipv4:192.168.1.5"], ["ipv4:192.168.1.9", "ipv4:8.8.8.8", "ipv6:FD00::1"]), Client);

        Assert.Equal(expected, Data(response));
        Assert.Equal(mode, response.Meta.CostType!.CostMode);
        Assert.Null(response.Meta.CostType.Description);
    }

    [Theory]
    [InlineData(CostMode.Numerical, 7285)]
    [InlineData(CostMode.Ordinal, 7285)]
    [InlineData(CostMode.Numerical, 8686)]
    [InlineData(CostMode.Ordinal, 8686)]
    public void The_cost_matrix_for_the_proxy_equals_the_endpoint_cost_service_pair_for_pair(string mode, int seed)
    {
        // Costs defined for some pairs only, so undefined pairs (NaN / omitted) are compared too.
        var engine = new AltoServerEngine(AltoMaps.Build(new AltoOptions
        {
            Pids = new() { ["a"] = ["10.0.0.0/8"], ["b"] = ["192.168.0.0/16", "fc00::/7"], ["world"] = ["0.0.0.0/0", "::/0"] },
            Costs = new() { ["a"] = new() { ["a"] = 1, ["b"] = 5, ["world"] = 20 }, ["b"] = new() { ["a"] = 5, ["world"] = 5 } },
        }));
        var random = new Random(seed);
        string[] pool = ["ipv4:10.1.2.3", "ipv4:10.9.9.9", "ipv4:192.168.4.4", "ipv6:fd00::5", "ipv4:8.8.8.8", "ipv6:2001:db8::1", "ipv4:172.16.0.1"];
        var srcs = pool.OrderBy(_ => random.Next()).Take(4).ToList();
        var dsts = pool.OrderBy(_ => random.Next()).ToList();
        var costType = mode == CostMode.Ordinal ? Ordinal : Numerical;

        var matrix = engine.EndpointCosts(costType, srcs.Select(TypedEndpointAddress.Parse).ToList(), dsts.Select(TypedEndpointAddress.Parse).ToList());
        var answer = engine.EndpointCost(CostRequest(mode, srcs, dsts), Client).EndpointCostMap;

        Assert.NotNull(matrix);
        for (var i = 0; i < srcs.Count; i++)
        {
            for (var j = 0; j < dsts.Count; j++)
            {
                var defined = answer[srcs[i]].TryGetValue(dsts[j], out var expected);
                Assert.Equal(defined ? expected : double.NaN, matrix[i, j]);
            }
        }

        Assert.Null(engine.EndpointCosts(new CostType(CostMode.Numerical, "hopcount"), [], []));
    }

    [Fact]
    public void The_rfc_7285_endpoint_cost_example_ranks_1_2_3()
    {
        // §11.5.1.7, with the costs of the §11.2.3.7 cost map from PID1.
        var engine = new AltoServerEngine(AltoMaps.Build(new AltoOptions
        {
            Pids = new()
            {
                ["PID0"] = ["0.0.0.0/0", "::/0"],
                ["PID1"] = ["192.0.2.0/24"],
                ["PID2"] = ["198.51.100.0/24"],
                ["PID3"] = ["203.0.113.0/24"],
            },
            Costs = new() { ["PID1"] = new() { ["PID1"] = 1, ["PID2"] = 5, ["PID3"] = 10 } },
        }));

        var response = engine.EndpointCost(CostRequest(CostMode.Ordinal, ["ipv4:192.0.2.2"], ["ipv4:192.0.2.89", "ipv4:198.51.100.34", "ipv4:203.0.113.45"]), Client);

        Assert.Equal("""{"ipv4:192.0.2.2":{"ipv4:192.0.2.89":1,"ipv4:198.51.100.34":2,"ipv4:203.0.113.45":3}}""", Data(response));
    }

    [Fact]
    public void Without_srcs_the_client_is_the_source_and_constraints_apply_to_the_answered_costs()
    {
        var request = CostRequest(CostMode.Numerical, null, ["ipv4:192.168.1.9", "ipv4:8.8.8.8"]);
        request.Constraints = ["lt 20"];

        var response = _default.EndpointCost(request, Client);

        Assert.Equal("""{"ipv4:127.0.0.1":{"ipv4:192.168.1.9":10}}""", Data(response));
    }

    [Fact]
    public void Without_dsts_the_client_is_the_destination()
    {
        var response = _default.EndpointCost(CostRequest(CostMode.Numerical, ["ipv4:192.168.1.5", "ipv4:8.8.8.8"], []), Client);

        Assert.Equal("""{"ipv4:192.168.1.5":{"ipv4:127.0.0.1":10},"ipv4:8.8.8.8":{"ipv4:127.0.0.1":20}}""", Data(response));
    }

    [Fact]
    public void Endpoints_with_no_cost_get_no_value_and_ones_that_do_not_parse_are_left_out()
    {
        var engine = new AltoServerEngine(AltoMaps.Build(new AltoOptions { Costs = new() { ["lan"] = new() { ["lan"] = 2 } } }));

        var response = engine.EndpointCost(CostRequest(CostMode.Numerical, ["ipv4:10.0.0.1", "ipv4:8.8.8.8", "ipv4:300.1.1.1"], ["ipv4:10.0.0.2", "ipv4:8.8.4.4", "nonsense"]), Client);

        Assert.Equal("""{"ipv4:10.0.0.1":{"ipv4:10.0.0.2":2},"ipv4:8.8.8.8":{}}""", Data(response));
    }

    [Fact]
    public void The_endpoint_property_service_gives_each_asked_pid_property_once()
    {
        var request = new EndpointPropertyRequest
        {
            Properties = ["pid", "default-network-map.pid", "pid"],
            Endpoints = ["ipv4:192.168.1.5", "ipv6:2001:db8::1", "ipv4:nope"],
        };

        Assert.Null(AltoServerEngine.CheckProperties(request));
        var response = _default.EndpointProperties(request);

        Assert.Equal(
            """{"ipv4:192.168.1.5":{"pid":"lan","default-network-map.pid":"lan"},"ipv6:2001:db8::1":{"pid":"world","default-network-map.pid":"world"}}""",
            Data(response));
        Assert.Equal([_default.Vtag], response.Meta.DependentVtags!);
    }

    [Fact]
    public void A_property_the_server_does_not_offer_is_an_invalid_field_value_and_otherwise_ignored()
    {
        var request = new EndpointPropertyRequest { Properties = ["pid", "priv:colour"], Endpoints = ["ipv4:10.1.1.1"] };

        var error = AltoServerEngine.CheckProperties(request);

        Assert.Equal("""{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"properties","value":"priv:colour"}}""", Encoding.UTF8.GetString(AltoJsonWriter.Write(error!)));
        Assert.Equal("""{"ipv4:10.1.1.1":{"pid":"lan"}}""", Data(_default.EndpointProperties(request)));
    }

    [Fact]
    public void The_filtered_network_map_keeps_the_asked_pids_and_types_with_the_full_vtag_and_copies_of_the_prefixes()
    {
        var response = _default.FilteredNetworkMap(new NetworkMapFilterRequest { Pids = ["lan", "lan", "mars"], AddressTypes = ["ipv6"] });

        Assert.Equal("""{"lan":{"ipv6":["fc00::/7"]}}""", Data(response));
        Assert.Equal(_default.Vtag, response.Meta.Vtag);
        response.NetworkMap["lan"]["ipv6"].Add("2001:db8::/32");
        Assert.Equal(["fc00::/7"], _default.Maps.Groups["lan"]["ipv6"]);
    }

    [Fact]
    public void An_empty_network_map_filter_means_every_pid_and_type()
    {
        var response = _default.FilteredNetworkMap(new NetworkMapFilterRequest());

        Assert.Equal(JsonNode.Parse(_default.NetworkMapBody)!["network-map"]!.ToJsonString(), Data(response));
    }

    [Fact]
    public void The_filtered_cost_map_applies_pids_and_constraints_and_depends_on_the_network_map()
    {
        var all = _default.FilteredCostMap(new FilteredCostMapRequest { CostType = Numerical, Constraints = ["le 10"], Pids = new PidFilter { Srcs = [], Dsts = [] } });
        var narrowed = _default.FilteredCostMap(new FilteredCostMapRequest
        {
            CostType = new CostType(CostMode.Ordinal, CostMetric.RoutingCost) { Description = "ignored" },
            Pids = new PidFilter { Srcs = ["world"], Dsts = ["world", "mars"] },
        });

        Assert.Equal("""{"lan":{"lan":1,"world":10},"world":{"lan":10}}""", Data(all));
        Assert.Equal([_default.Vtag], all.Meta.DependentVtags!);
        Assert.Equal("""{"world":{"world":2}}""", Data(narrowed));
        Assert.Equal(Ordinal, narrowed.Meta.CostType);
        Assert.Null(narrowed.Meta.CostType!.Description);
    }

    [Fact]
    public void The_full_maps_are_serialised_once_per_cost_type()
    {
        var network = JsonNode.Parse(_default.NetworkMapBody)!;
        var numerical = JsonNode.Parse(_default.CostMapBody(Numerical))!;
        var ordinal = JsonNode.Parse(_default.CostMapBody(Ordinal))!;

        Assert.Equal(_default.Vtag.Tag, (string?)network["meta"]!["vtag"]!["tag"]);
        Assert.Equal("""{"lan":{"lan":1,"world":10},"world":{"lan":10,"world":20}}""", numerical["cost-map"]!.ToJsonString());
        Assert.Equal("""{"lan":{"lan":1,"world":2},"world":{"lan":1,"world":2}}""", ordinal["cost-map"]!.ToJsonString());
        Assert.Same(_default.CostMapBody(Ordinal), _default.CostMapBody(Ordinal));
    }

    [Fact]
    public void Two_engines_serve_the_same_exactly_when_map_and_costs_are_equal()
    {
        var same = new AltoServerEngine(AltoMaps.Build(new AltoOptions()));
        var otherCosts = new AltoServerEngine(AltoMaps.Build(new AltoOptions { Costs = new() { ["lan"] = new() { ["lan"] = 3 } } }));
        var otherMap = new AltoServerEngine(AltoMaps.Build(new AltoOptions { Pids = new() { ["lan"] = ["10.0.0.0/8"], ["world"] = ["0.0.0.0/0", "::/0"] } }));

        Assert.True(_default.ServesSameAs(same));
        Assert.False(_default.ServesSameAs(otherCosts));
        Assert.Equal(_default.Vtag, otherCosts.Vtag); // the vtag is the network map's only
        Assert.False(_default.ServesSameAs(otherMap));
        Assert.NotEqual(_default.Vtag, otherMap.Vtag);
    }

    [Fact]
    public void Concurrent_callers_get_the_same_answers()
    {
        var request = CostRequest(CostMode.Ordinal, ["ipv4:192.168.1.5", "ipv4:8.8.8.8"], ["ipv4:192.168.1.9", "ipv4:8.8.4.4"]);
        var expected = Data(_default.EndpointCost(request, Client));

        var answers = new string[64];
        Parallel.For(0, answers.Length, i => answers[i] = Data(_default.EndpointCost(request, Client)));

        Assert.All(answers, a => Assert.Equal(expected, a));
    }

    private static EndpointCostRequest CostRequest(string mode, List<string>? srcs, List<string> dsts) => new()
    {
        CostType = new CostType(mode, CostMetric.RoutingCost),
        Endpoints = new EndpointFilter { Srcs = srcs, Dsts = dsts },
    };

    private static string Data(EndpointCostResponse response) => Member(AltoJsonWriter.Write(response), "endpoint-cost-map");

    private static string Data(EndpointPropertyResponse response) => Member(AltoJsonWriter.Write(response), "endpoint-properties");

    private static string Data(CostMapResponse response) => Member(AltoJsonWriter.Write(response), "cost-map");

    private static string Data(NetworkMapResponse response) =>
        Member(JsonSerializer.SerializeToUtf8Bytes(response, AltoJsonContext.Default.NetworkMapResponse), "network-map");

    private static string Member(byte[] json, string name) => JsonNode.Parse(json)![name]!.ToJsonString();
}

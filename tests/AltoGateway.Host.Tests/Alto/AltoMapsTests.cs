using AltoGateway.Alto.Addressing;
using AltoGateway.Host.Alto;
using AltoGateway.Host.Configuration;

namespace AltoGateway.Host.Tests.Alto;

public class AltoMapsTests
{
    [Fact]
    public void The_default_map_puts_private_and_shared_ranges_in_lan_and_the_rest_in_world()
    {
        var maps = AltoMaps.Build(new AltoOptions());

        Assert.Equal(["lan", "world"], maps.Groups.Keys);
        Assert.Equal(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"], maps.Groups["lan"]["ipv4"]);
        Assert.Equal(["fc00::/7"], maps.Groups["lan"]["ipv6"]);
        Assert.Equal("lan", Pid(maps, "ipv4:192.168.1.5"));
        Assert.Equal("lan", Pid(maps, "ipv4:100.64.3.4"));
        Assert.Equal("lan", Pid(maps, "ipv6:fd00::1"));
        Assert.Equal("world", Pid(maps, "ipv4:8.8.8.8"));
        Assert.Equal("world", Pid(maps, "ipv4:172.32.0.1"));
        Assert.Equal("world", Pid(maps, "ipv6:2001:db8::1"));
    }

    [Fact]
    public void The_default_costs_are_1_inside_a_pid_10_between_and_20_across_the_world()
    {
        var maps = AltoMaps.Build(new AltoOptions());

        Assert.Equal(1, maps.Numerical["lan"]["lan"]);
        Assert.Equal(10, maps.Numerical["lan"]["world"]);
        Assert.Equal(10, maps.Numerical["world"]["lan"]);
        Assert.Equal(20, maps.Numerical["world"]["world"]);
        Assert.Equal(1, maps.Ordinal["lan"]["lan"]);
        Assert.Equal(2, maps.Ordinal["lan"]["world"]);
        Assert.Equal(1, maps.Ordinal["world"]["lan"]);
        Assert.Equal(2, maps.Ordinal["world"]["world"]);
    }

    [Fact]
    public void Ordinal_ranks_are_dense_per_source_and_ties_share_a_rank()
    {
        var ranked = AltoMaps.Rank(new Dictionary<string, Dictionary<string, double>>
        {
            ["A"] = new() { ["A"] = 1, ["B"] = 5, ["C"] = 5, ["D"] = 0.5, ["E"] = 40 },
            ["B"] = new() { ["A"] = 7 },
        });

        Assert.Equal(new Dictionary<string, double> { ["A"] = 2, ["B"] = 3, ["C"] = 3, ["D"] = 1, ["E"] = 4 }, ranked["A"]);
        Assert.Equal(new Dictionary<string, double> { ["A"] = 1 }, ranked["B"]);
    }

    [Fact]
    public void The_rfc_7285_example_costs_rank_like_its_endpoint_cost_example()
    {
        // §11.2.3.7: PID1 → {PID1 1, PID2 5, PID3 10}; §11.5.1.7 ranks three such destinations 1, 2, 3.
        var ranked = AltoMaps.Rank(new Dictionary<string, Dictionary<string, double>>
        {
            ["PID1"] = new() { ["PID1"] = 1, ["PID2"] = 5, ["PID3"] = 10 },
        });

        Assert.Equal([1d, 2d, 3d], ranked["PID1"].Values);
    }

    [Fact]
    public void A_configured_map_is_served_with_longest_prefix_match_and_only_its_configured_costs()
    {
        var options = new AltoOptions
        {
            Pids = new()
            {
                ["PID0"] = ["::/0"],
                ["PID1"] = ["0.0.0.0/0"],
                ["PID2"] = ["192.0.2.0/24", "198.51.100.0/24"],
                ["PID3"] = ["192.0.2.0/25", "192.0.2.128/25"],
            },
            Costs = new() { ["PID1"] = new() { ["PID1"] = 1, ["PID2"] = 5, ["PID3"] = 10 } },
        };

        var maps = AltoMaps.Build(options);

        Assert.Equal("PID3", Pid(maps, "ipv4:192.0.2.1"));
        Assert.Equal("PID2", Pid(maps, "ipv4:198.51.100.7"));
        Assert.Equal("PID1", Pid(maps, "ipv4:203.0.113.1"));
        Assert.Equal(["PID1"], maps.Numerical.Keys);
        Assert.Equal(3, maps.Ordinal["PID1"]["PID3"]);
    }

    [Fact]
    public void The_vtag_is_a_hash_of_the_map_and_changes_with_it_only()
    {
        var a = AltoMaps.Build(new AltoOptions());
        var b = AltoMaps.Build(new AltoOptions { Costs = new() { ["lan"] = new() { ["lan"] = 3 } } });
        var c = AltoMaps.Build(new AltoOptions { Pids = new() { ["lan"] = ["10.0.0.0/8"], ["world"] = ["0.0.0.0/0", "::/0"] } });

        Assert.Equal(AltoMaps.NetworkMapId, a.Vtag.ResourceId);
        Assert.True(a.Vtag.IsValid);
        Assert.Equal(64, a.Vtag.Tag.Length);
        Assert.Equal(a.Vtag, b.Vtag);
        Assert.NotEqual(a.Vtag, c.Vtag);
    }

    [Fact]
    public void The_directory_offers_every_resource_with_absolute_uris_on_the_asked_host()
    {
        var ird = AltoServerDirectory.For("http://192.0.2.1:7286");

        Assert.Equal("default-network-map", ird.Meta!.DefaultAltoNetworkMap);
        Assert.Equal(["num-routingcost", "ord-routingcost"], ird.Meta.CostTypes!.Keys);
        Assert.Equal("ordinal", ird.Meta.CostTypes["ord-routingcost"].CostMode);
        Assert.All(ird.Resources.Values, r => Assert.StartsWith("http://192.0.2.1:7286/", r.Uri, StringComparison.Ordinal));
        Assert.Null(ird.Resources["endpoint-cost"].Uses);
        Assert.True(ird.Resources["filtered-cost-map"].Capabilities!.CostConstraints);
    }

    private static string Pid(AltoMaps maps, string address) =>
        maps.Map.TryFindPid(TypedEndpointAddress.Parse(address), out var pid) ? pid : "(none)";
}

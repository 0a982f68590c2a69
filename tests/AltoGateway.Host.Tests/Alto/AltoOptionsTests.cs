using AltoGateway.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace AltoGateway.Host.Tests.Alto;

public class AltoOptionsTests
{
    [Fact]
    public void No_alto_section_is_valid_and_means_the_defaults()
    {
        var configuration = Configuration([]);

        Assert.Empty(AgentConfiguration.Check(configuration));
        var options = AgentConfiguration.Alto(configuration);
        Assert.Empty(options.Pids);
        Assert.Equal(["lan", "world"], options.EffectivePids.Keys);
    }

    [Fact]
    public void A_configured_map_and_costs_bind_and_pass()
    {
        var configuration = Configuration(new()
        {
            ["Alto:Pids:home:0"] = "192.168.1.0/24",
            ["Alto:Pids:isp:0"] = "203.0.113.0/24",
            ["Alto:Pids:isp:1"] = "2001:db8::/32",
            ["Alto:Pids:rest:0"] = "0.0.0.0/0",
            ["Alto:Pids:rest:1"] = "::/0",
            ["Alto:Costs:home:isp"] = "5",
            ["Alto:Costs:home:rest"] = "12.5",
        });

        Assert.Empty(AgentConfiguration.Check(configuration));
        var options = AgentConfiguration.Alto(configuration);
        Assert.Equal(["192.168.1.0/24"], options.Pids["home"]);
        Assert.Equal(12.5, options.Costs["home"]["rest"]);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_key_path()
    {
        var problems = AgentConfiguration.Check(Configuration(new()
        {
            ["Alto:Pids:lan:0"] = "10.0.0.0/8",
            ["Alto:Pids:lan:1"] = "10.1.2.3/8",
            ["Alto:Pids:lan:2"] = "fc00::/7",
            ["Alto:Pids:lan:3"] = "not-a-prefix",
            ["Alto:Pids:dup:0"] = "10.0.0.0/8",
            ["Alto:Pids:bad@name!:0"] = "192.0.2.0/24",
            ["Alto:Pids:world:0"] = "0.0.0.0/0",
            ["Alto:Costs:lan:mars"] = "3",
            ["Alto:Costs:venus:lan"] = "3",
            ["Alto:Costs:lan:world"] = "-1",
        })).Select(p => p.ToString()).ToList();

        Assert.Contains("Alto:Pids:lan:1: '10.1.2.3/8' is not an IPv4 or IPv6 prefix (HostBitsSet); expected e.g. 192.168.0.0/16 or fc00::/7", problems);
        Assert.Contains("Alto:Pids:lan:3: 'not-a-prefix' is not an IPv4 or IPv6 prefix (BadPrefixLength); expected e.g. 192.168.0.0/16 or fc00::/7", problems);
        // Configuration keys come sorted, so "dup" is seen first and "lan" holds the second copy.
        Assert.Contains("Alto:Pids:lan: '10.0.0.0/8' is also in another PID; a prefix may belong to one PID only", problems);
        Assert.Contains(problems, p => p.StartsWith("Alto:Pids:bad@name!: 'bad@name!' is not a PID name", StringComparison.Ordinal));
        Assert.Contains("Alto:Pids: the map is not complete: no PID holds ::/0", problems);
        Assert.Contains("Alto:Costs:lan:mars: 'mars' is not a PID of the map (known: bad@name!, dup, lan, world)", problems);
        Assert.Contains("Alto:Costs:venus: 'venus' is not a PID of the map (known: bad@name!, dup, lan, world)", problems);
        Assert.Contains("Alto:Costs:lan:world: cost -1 must be a finite number, 0 or more", problems);
        Assert.Equal(8, problems.Count);
    }

    [Fact]
    public void Costs_are_checked_against_the_default_map_when_no_pids_are_configured()
    {
        var problems = AgentConfiguration.Check(Configuration(new() { ["Alto:Costs:lan:wan"] = "1" }));

        Assert.Equal(["Alto:Costs:lan:wan: 'wan' is not a PID of the map (known: lan, world)"], problems.Select(p => p.ToString()));
    }

    [Fact]
    public void An_unknown_key_in_the_section_is_a_problem()
    {
        var problems = AgentConfiguration.Check(Configuration(new() { ["Alto:Pid:lan:0"] = "10.0.0.0/8" }));

        Assert.Contains(problems, p => p.Key == "Alto" && p.Message.Contains("Pid", StringComparison.Ordinal));
    }

    [Fact]
    public void The_overload_limits_default_to_64_in_progress_128_waiting_and_retry_after_1_s()
    {
        var options = AgentConfiguration.Alto(Configuration([]));

        Assert.Equal(64, options.MaxConcurrentRequests);
        Assert.Equal(128, options.QueueLength);
        Assert.Equal(1, options.RetryAfterSeconds);
    }

    [Fact]
    public void Overload_limits_bind_and_pass_at_their_bounds()
    {
        var configuration = Configuration(new()
        {
            ["Alto:MaxConcurrentRequests"] = "4096",
            ["Alto:QueueLength"] = "0",
            ["Alto:RetryAfterSeconds"] = "3600",
        });

        Assert.Empty(AgentConfiguration.Check(configuration));
        var options = AgentConfiguration.Alto(configuration);
        Assert.Equal((4096, 0, 3600), (options.MaxConcurrentRequests, options.QueueLength, options.RetryAfterSeconds));
    }

    [Fact]
    public void Overload_limits_out_of_range_or_unreadable_are_reported_with_their_key_paths()
    {
        var outOfRange = AgentConfiguration.Check(Configuration(new()
        {
            ["Alto:MaxConcurrentRequests"] = "0",
            ["Alto:QueueLength"] = "65537",
            ["Alto:RetryAfterSeconds"] = "0",
        })).Select(p => p.ToString()).Order(StringComparer.Ordinal);
        var unreadable = AgentConfiguration.Check(Configuration(new() { ["Alto:QueueLength"] = "lots" }));

        Assert.Equal(
            [
                "Alto:MaxConcurrentRequests: The field AltoOptions.MaxConcurrentRequests must be between 1 and 4096.",
                "Alto:QueueLength: The field AltoOptions.QueueLength must be between 0 and 65536.",
                "Alto:RetryAfterSeconds: The field AltoOptions.RetryAfterSeconds must be between 1 and 3600.",
            ],
            outOfRange);
        Assert.Equal(["Alto:QueueLength: 'lots' cannot be read as System.Int32"], unreadable.Select(p => p.ToString()));
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}

using AltoGateway.Host.Cli;
using AltoGateway.Host.Configuration;
using AltoGateway.Tests.Shared;
using Microsoft.Extensions.Configuration;

namespace AltoGateway.Host.Tests.Configuration;

public class AgentConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-config-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void The_embedded_default_is_valid_and_serves_loopback_only()
    {
        var problems = CheckConfigVerb.LoadAndCheck(WriteFile("{}"), out var configuration);

        Assert.Empty(problems);
        var http = AgentConfiguration.Http(configuration!);
        Assert.Equal(["http://127.0.0.1:7285"], http.Lan.Urls);
        Assert.Equal(["http://127.0.0.1:7286"], http.Wan.Urls);
        Assert.Equal(65536, http.MaxRequestBodyBytes);
    }

    [Fact]
    public void A_file_overrides_the_default_and_keeps_what_it_does_not_name()
    {
        var problems = CheckConfigVerb.LoadAndCheck(WriteFile("""{"Http":{"Wan":{"Urls":["http://192.0.2.1:8080"]}}}"""), out var configuration);

        Assert.Empty(problems);
        var http = AgentConfiguration.Http(configuration!);
        Assert.Equal(["http://127.0.0.1:7285"], http.Lan.Urls);
        Assert.Equal(["http://192.0.2.1:8080"], http.Wan.Urls);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_key()
    {
        var problems = Check(new Dictionary<string, string?>
        {
            ["Http:Lan:Urls:0"] = "ftp://x",
            ["Http:Lan:Urls:1"] = "http://127.0.0.1:99999",
            ["Http:Wan:Urls:0"] = "http://*:7285",
            ["Http:Wan:Urls:1"] = "http://127.0.0.1:7000",
            ["Http:Wan:Urls:2"] = "http://localhost:7000",
            ["Http:MaxRequestBodyBytes"] = "5",
            ["Dchp:Interfaces:0"] = "eth0",
        });

        Assert.Equal(
            [
                "Dchp: unknown section (known: Logging, Http, Nat, PeerIds, State, Control, Alto, Proxy, Discovery, Hardware, Dhcp)",
                "Http:MaxRequestBodyBytes: The field HttpOptions.MaxRequestBodyBytes must be between 1024 and 16777216.",
                "Http:Lan:Urls:0: 'ftp://x' is not an http:// URL; expected http://ADDRESS:PORT",
                "Http:Lan:Urls:1: 'http://127.0.0.1:99999' has no valid port (1-65535)",
                "Http:Wan:Urls:2: 'http://localhost:7000' overlaps 'http://127.0.0.1:7000' of Http:Wan:Urls:1; an address and port can serve one listener only",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void An_address_and_port_shared_by_lan_and_wan_is_a_problem()
    {
        var problems = Check(new Dictionary<string, string?>
        {
            ["Http:Lan:Urls:0"] = "http://127.0.0.1:7000",
            ["Http:Wan:Urls:0"] = "http://*:7000",
        });

        Assert.Equal(["Http:Wan:Urls:0: 'http://*:7000' overlaps 'http://127.0.0.1:7000' of Http:Lan:Urls:0; an address and port can serve one listener only"], problems.Select(p => p.ToString()));
    }

    [Fact]
    public void One_port_on_different_addresses_may_serve_both_groups()
    {
        var problems = Check(new Dictionary<string, string?>
        {
            ["Http:Lan:Urls:0"] = "http://100.64.0.1:80",
            ["Http:Wan:Urls:0"] = "http://203.0.113.1:80",
            ["Http:Wan:Urls:1"] = "http://[2001:db8::1]:80",
        });

        Assert.Empty(problems);
    }

    [Fact]
    public void The_wan_listeners_can_be_switched_off_but_the_lan_listeners_cannot()
    {
        var noWan = CheckConfigVerb.LoadAndCheck(WriteFile("""{"Http":{"Wan":{"Enabled":false}}}"""), out var configuration);
        var noLan = CheckConfigVerb.LoadAndCheck(WriteFile("""{"Http":{"Lan":{"Enabled":false}}}"""), out _);

        Assert.Empty(noWan);
        Assert.Empty(AgentConfiguration.Http(configuration!).Endpoints(ListenerGroup.Wan));
        Assert.Equal(["Http:Lan:Enabled: the LAN listeners cannot be switched off: the status page and LAN services live there"], noLan.Select(p => p.ToString()));
    }

    [Fact]
    public void A_lan_group_without_urls_is_a_problem()
    {
        var failures = new HttpOptionsValidator().Validate(null, new HttpOptions());

        Assert.Equal(["Lan:Urls: needs at least one URL: the status page and LAN services live there"], failures.Failures);
    }

    [Fact]
    public void An_unknown_key_is_reported_and_the_rest_of_the_section_is_still_checked()
    {
        var problems = Check(new Dictionary<string, string?>
        {
            ["Http:MaxRequestBodyByte"] = "100000",
            ["Http:Lan:Urls:0"] = "http://nowhere:1",
        });

        Assert.Equal(
            [
                "Http: unknown key(s) 'MaxRequestBodyByte' in this section or one of its objects",
                "Http:Lan:Urls:0: 'http://nowhere:1': 'nowhere' is not an IP address, '*' or 'localhost'",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_named_by_its_key()
    {
        var problems = Check(new Dictionary<string, string?> { ["Http:MaxRequestBodyBytes"] = "lots" });

        Assert.Equal(["Http:MaxRequestBodyBytes: 'lots' cannot be read as System.Int32"], problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Broken_json_and_a_missing_file_are_problems_not_crashes()
    {
        var broken = CheckConfigVerb.LoadAndCheck(WriteFile("""{"Http": """), out var none);
        var missing = CheckConfigVerb.LoadAndCheck(Path.Combine(_folder, "absent.json"), out _);

        Assert.Null(none);
        var problem = Assert.Single(broken);
        Assert.EndsWith(".json", problem.Key, StringComparison.Ordinal);
        Assert.StartsWith("cannot be read: ", problem.Message, StringComparison.Ordinal);
        Assert.Equal([$"--config: file '{Path.Combine(_folder, "absent.json")}' does not exist"], missing.Select(p => p.ToString()));
    }

    [Fact]
    public void Environment_variables_override_the_file()
    {
        // ALTOGW__Http__Wan__Urls__0 is read through the same provider the agent uses.
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(WriteFile("""{"Http":{"Wan":{"Urls":["http://127.0.0.1:9000"]}}}"""))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Http:Wan:Urls:0"] = "http://127.0.0.1:9001" })
            .Build();

        Assert.Equal(["http://127.0.0.1:9001"], AgentConfiguration.Http(configuration).Wan.Urls);
    }

    [Theory]
    [InlineData("home-raspberry-pi.json")]
    [InlineData("cgn-box.json")]
    [InlineData("emulated-ci-board.json")]
    public void Every_sample_configuration_passes_check_config(string sample)
    {
        var path = Path.Combine(TestEnvironment.RepositoryRoot, "src", "AltoGateway.Host", "samples", sample);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = CheckConfigVerb.Run(new FileInfo(path), output, error);

        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(0, exit);
        Assert.StartsWith("configuration OK", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_config_prints_one_problem_per_line_and_exits_78()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = CheckConfigVerb.Run(new FileInfo(WriteFile("""{"Http":{"Lan":{"Urls":["x","y"]}}}""")), output, error);

        Assert.Equal(78, exit);
        Assert.Equal(
            [
                "altogw: the configuration has 2 problems:",
                "Http:Lan:Urls:0: 'x' is not an http:// URL; expected http://ADDRESS:PORT",
                "Http:Lan:Urls:1: 'y' is not an http:// URL; expected http://ADDRESS:PORT",
            ],
            error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    private static List<ConfigurationProblem> Check(Dictionary<string, string?> values) =>
        AgentConfiguration.Check(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    private string WriteFile(string json)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}

using System.Net;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests;

/// <summary>
/// The command line asking the running agent over its control socket: <c>altogw nat lookup</c>,
/// <c>nat list</c> and <c>peer-id resolve</c>, with static mappings from the configuration.
/// </summary>
public sealed class ControlChannelTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-ctl-").FullName;
    private readonly int _lan = FreePort.Next();
    private AgentProcess? _agent;
    private string _config = string.Empty;

    public async ValueTask InitializeAsync()
    {
        _config = Path.Combine(_folder, "altogateway.json");
        await File.WriteAllTextAsync(_config, $$"""
            {
              "Http": { "Lan": { "Urls": [ "http://127.0.0.1:{{_lan}}" ] }, "Wan": { "Enabled": false } },
              "Control": { "SocketPath": "{{Path.Combine(_folder, "control.sock")}}" },
              "Nat": {
                "Static": [
                  { "Protocol": "tcp", "Internal": "192.168.1.10:6881", "External": "203.0.113.5:6881" },
                  { "Protocol": "udp", "Internal": "192.168.1.11:6881", "External": "203.0.113.5:6882" },
                  { "Protocol": "udp", "Internal": "[2001:db8::11]:4000", "External": "198.51.100.9:4000" },
                  { "Protocol": "tcp", "Internal": "[fd00::5]:80", "External": "[2001:db8::80]:8080" }
                ]
              }
            }
            """);
        // The configuration file names the socket; the environment must not override it here.
        _agent = AgentProcess.Start(["run", "--config", _config], new Dictionary<string, string> { ["ALTOGW__Control__SocketPath"] = Path.Combine(_folder, "control.sock") });
        using var ready = await _agent.WaitForHttpAsync(_http, $"http://127.0.0.1:{_lan}/healthz", Timeout);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (_agent is not null)
        {
            await _agent.DisposeAsync();
        }

        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("203.0.113.5:6881", "203.0.113.5:6881 -> 192.168.1.10 (nat-map: mapping of 203.0.113.5:6881)", 0)]
    [InlineData("203.0.113.5:6882", "203.0.113.5:6882 -> 192.168.1.11 (nat-map: mapping of 203.0.113.5:6882)", 0)]
    [InlineData("198.51.100.9", "198.51.100.9 -> 2001:db8::11 (nat-map: the only subscriber using 198.51.100.9)", 0)]
    [InlineData("203.0.113.5", "203.0.113.5: ambiguous: 2 subscribers use 203.0.113.5; give a port or a peer ID", 1)]
    [InlineData("203.0.113.5:9", "203.0.113.5:9: unknown: no mapping for 203.0.113.5:9", 1)]
    [InlineData("[2001:db8::80]:8080", "[2001:db8::80]:8080 -> fd00::5 (nat-map: mapping of [2001:db8::80]:8080)", 0)]
    [InlineData("[2001:db8::80]:8081", "[2001:db8::80]:8081: unknown: no mapping for [2001:db8::80]:8081", 1)]
    [InlineData("2001:db8::80", "2001:db8::80 -> fd00::5 (nat-map: the only subscriber using 2001:db8::80)", 0)]
    public async Task Nat_lookup_names_the_subscriber_or_says_why_not(string target, string expected, int exit)
    {
        var (code, output) = await CliAsync("nat", "lookup", target, "--config", _config);

        Assert.Equal(expected, output.Trim());
        Assert.Equal(exit, code);
    }

    [Fact]
    public async Task Nat_lookup_can_be_narrowed_to_a_protocol()
    {
        var (code, output) = await CliAsync("nat", "lookup", "203.0.113.5:6881", "--protocol", "udp", "--config", _config);

        Assert.Equal(1, code);
        Assert.Equal("203.0.113.5:6881: unknown: no mapping for 203.0.113.5:6881 (udp)", output.Trim());
    }

    [Fact]
    public async Task A_malformed_target_is_a_usage_error_with_the_reason()
    {
        var (code, output) = await CliAsync("nat", "lookup", "not-an-address", "--config", _config);

        Assert.Equal(64, code);
        Assert.Equal("altogw: 'not-an-address' is not ADDRESS or ADDRESS:PORT (IPv6 with a port in brackets)", output.Trim());
    }

    [Fact]
    public async Task Nat_list_prints_every_mapping()
    {
        var (code, output) = await CliAsync("nat", "list", "--config", _config);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(0, code);
        Assert.Equal("4 mappings of 4 subscribers; showing 4", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("tcp  192.168.1.10:6881", StringComparison.Ordinal) && l.Contains("-> 203.0.113.5:6881", StringComparison.Ordinal) && l.EndsWith("static    expires never", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("udp  [2001:db8::11]:4000", StringComparison.Ordinal));
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public async Task Status_and_metrics_count_the_map_and_the_lookups()
    {
        Assert.Equal(0, (await CliAsync("nat", "lookup", "203.0.113.5:6881", "--config", _config)).Exit);
        Assert.Equal(1, (await CliAsync("nat", "lookup", "203.0.113.5", "--config", _config)).Exit);

        using var status = System.Text.Json.JsonDocument.Parse(await _http.GetStringAsync($"http://127.0.0.1:{_lan}/status", TestContext.Current.CancellationToken));
        var nat = status.RootElement.GetProperty("nat");
        Assert.Equal(4, nat.GetProperty("entries").GetInt32());
        Assert.Equal(4, nat.GetProperty("subscribers").GetInt32());
        Assert.Equal(2, nat.GetProperty("lookups").GetInt64());
        Assert.Equal(1, nat.GetProperty("misses").GetInt64());
        Assert.Equal(0, nat.GetProperty("evicted").GetInt64());
        Assert.Contains(status.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("name").GetString() == "nat-static" && c.GetProperty("state").GetString() == "ready");

        var metrics = PrometheusText.Parse(await _http.GetStringAsync($"http://127.0.0.1:{_lan}/metrics", TestContext.Current.CancellationToken));
        Assert.Equal(4, metrics["altogw_nat_entries"]);
        Assert.Equal(1, metrics["altogw_nat_lookups_total{by=\"address-port\",outcome=\"found\"}"]);
        Assert.Equal(1, metrics["altogw_nat_lookups_total{by=\"address\",outcome=\"ambiguous\"}"]);
    }

    [Fact]
    public async Task A_second_agent_on_the_same_control_socket_refuses_to_start_and_leaves_the_first_alone()
    {
        var socket = Path.Combine(_folder, "control.sock");
        var environment = new Dictionary<string, string>
        {
            ["ALTOGW__Control__SocketPath"] = socket,
            ["ALTOGW__Http__Lan__Urls__0"] = $"http://127.0.0.1:{FreePort.Next()}",
        };
        await using var second = AgentProcess.Start(["run", "--config", _config], environment);

        Assert.True(await second.WaitForExitAsync(Timeout), second.Output);
        Assert.Equal(75, second.ExitCode);
        Assert.Contains($"altogw: another agent is running with the control socket {socket}", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await CliAsync("nat", "list", "--config", _config)).Exit);
    }

    [Fact]
    public async Task The_control_verbs_are_not_reachable_over_http()
    {
        using var list = await _http.GetAsync($"http://127.0.0.1:{_lan}/control/nat/list", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
    }

    [Fact]
    public async Task Without_a_running_agent_the_verbs_say_so_and_exit_69()
    {
        var (code, output) = await CliAsync("nat", "list", "--socket", Path.Combine(_folder, "nobody-here.sock"));

        Assert.Equal(69, code);
        Assert.StartsWith($"altogw: cannot ask the agent on {Path.Combine(_folder, "nobody-here.sock")}", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> CliAsync(params string[] arguments)
    {
        await using var cli = AgentProcess.Start(arguments);
        Assert.True(await cli.WaitForExitAsync(Timeout), cli.Output);
        return (cli.ExitCode, cli.Output);
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests;

/// <summary>The real altogw process on loopback: what a newcomer sees when they start it.</summary>
public sealed class AgentProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-it-").FullName;

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_embedded_default_serves_healthz_status_and_metrics_on_loopback()
    {
        // No arguments at all: the default verb is run, the default configuration is embedded.
        await using var agent = AgentProcess.Start([]);

        using var healthz = await agent.WaitForHttpAsync(_http, "http://127.0.0.1:7285/healthz", StartTimeout);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        using (var health = JsonDocument.Parse(await healthz.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            Assert.Equal("ready", health.RootElement.GetProperty("state").GetString());
        }

        using var status = JsonDocument.Parse(await _http.GetStringAsync("http://127.0.0.1:7285/status", TestContext.Current.CancellationToken));
        var root = status.RootElement;
        Assert.Equal("altogw", root.GetProperty("agent").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", root.GetProperty("version").GetString());
        Assert.True(root.GetProperty("uptimeSeconds").GetDouble() >= 0);
        Assert.Equal(["http://127.0.0.1:7285"], root.GetProperty("listeners").GetProperty("lan").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["http://127.0.0.1:7286"], root.GetProperty("listeners").GetProperty("wan").EnumerateArray().Select(e => e.GetString()));
        var http = Assert.Single(root.GetProperty("components").EnumerateArray(), c => c.GetProperty("name").GetString() == "http");
        Assert.Equal("ready", http.GetProperty("state").GetString());

        // The WAN side answers health checks but does not show the status page or metrics.
        using var wanHealth = await _http.GetAsync("http://127.0.0.1:7286/healthz", TestContext.Current.CancellationToken);
        using var wanStatus = await _http.GetAsync("http://127.0.0.1:7286/status", TestContext.Current.CancellationToken);
        using var wanMetrics = await _http.GetAsync("http://127.0.0.1:7286/metrics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, wanHealth.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wanStatus.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wanMetrics.StatusCode);

        using var metrics = await _http.GetAsync("http://127.0.0.1:7285/metrics", TestContext.Current.CancellationToken);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", metrics.Content.Headers.ContentType?.ToString());
        var text = await metrics.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var samples = PrometheusText.Parse(text);
        Assert.Equal(0, samples["altogw_component_state{component=\"http\"}"]);
        Assert.Equal(2, samples["altogw_http_requests_total{code=\"200\",listener=\"lan\"}"]);
        Assert.Equal(1, samples["altogw_http_requests_total{code=\"200\",listener=\"wan\"}"]);
        Assert.Equal(2, samples["altogw_http_requests_total{code=\"404\",listener=\"wan\"}"]);
        Assert.True(samples["process_resident_memory_bytes"] > 1_000_000);
        await PrometheusText.CheckWithPromtoolAsync(text);
    }

    [Fact]
    public async Task A_bad_configuration_lists_every_problem_exits_78_and_serves_nothing()
    {
        var lan = FreePort.Next();
        var config = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Http": {
                "Lan": { "Urls": [ "http://127.0.0.1:{{lan}}" ] },
                "Wan": { "Urls": [ "http://wan.example:80", "http://127.0.0.1:{{lan}}" ] },
                "MaxRequestBodyBytes": 1
              },
              "Dchp": { }
            }
            """, TestContext.Current.CancellationToken);

        await using var agent = AgentProcess.Start(["run", "--config", config]);

        Assert.True(await agent.WaitForExitAsync(StartTimeout), agent.Output);
        Assert.Equal(78, agent.ExitCode);
        Assert.Equal(
            [
                "altogw: the configuration has 4 problems:",
                "Dchp: unknown section (known: Logging, Http, Nat, PeerIds, State, Control, Alto, Proxy, Discovery, Hardware, Dhcp)",
                "Http:MaxRequestBodyBytes: The field HttpOptions.MaxRequestBodyBytes must be between 1024 and 16777216.",
                "Http:Wan:Urls:0: 'http://wan.example:80': 'wan.example' is not an IP address, '*' or 'localhost'",
                $"Http:Wan:Urls:1: 'http://127.0.0.1:{lan}' overlaps 'http://127.0.0.1:{lan}' of Http:Lan:Urls:0; an address and port can serve one listener only",
            ],
            agent.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        using var probe = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(async () => await probe.ConnectAsync(IPAddress.Loopback, lan, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Sigterm_stops_the_agent_gracefully_within_five_seconds()
    {
        var (lan, wan) = (FreePort.Next(), FreePort.Next());
        await using var agent = AgentProcess.Start(["run"], Listeners(lan, wan));
        using var _ = await agent.WaitForHttpAsync(_http, $"http://127.0.0.1:{lan}/healthz", StartTimeout);

        agent.Terminate();

        Assert.True(await agent.WaitForExitAsync(TimeSpan.FromSeconds(5)), "still running 5 s after SIGTERM:\n" + agent.Output);
        Assert.Equal(0, agent.ExitCode);
        Assert.Contains("Application is shutting down", agent.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_config_accepts_the_default_and_names_the_sources()
    {
        await using var agent = AgentProcess.Start(["check-config"]);

        Assert.True(await agent.WaitForExitAsync(StartTimeout));
        Assert.Equal(0, agent.ExitCode);
        Assert.StartsWith("configuration OK (embedded default", agent.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_and_help_are_answered()
    {
        await using var version = AgentProcess.Start(["--version"]);
        await using var help = AgentProcess.Start(["--help"]);

        Assert.True(await version.WaitForExitAsync(StartTimeout));
        Assert.True(await help.WaitForExitAsync(StartTimeout));
        Assert.Matches(@"^\d+\.\d+\.\d+(\+[0-9a-f]+)?\s*$", version.Output);
        Assert.Contains("check-config", help.Output, StringComparison.Ordinal);
        Assert.Contains("--config", help.Output, StringComparison.Ordinal);
    }

    internal static Dictionary<string, string> Listeners(int lan, int wan) => new()
    {
        ["ALTOGW__Http__Lan__Urls__0"] = $"http://127.0.0.1:{lan}",
        ["ALTOGW__Http__Wan__Urls__0"] = $"http://127.0.0.1:{wan}",
    };
}

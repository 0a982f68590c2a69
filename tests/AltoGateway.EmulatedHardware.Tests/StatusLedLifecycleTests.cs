using System.Net;
using System.Text;
using System.Text.Json;
using AltoGateway.Tests.Shared;
using AltoGateway.Tests.SharedAlto;

namespace AltoGateway.EmulatedHardware.Tests;

/// <summary>
/// The status LEDs of the arm64 NativeAOT agent on the emulated board, through a whole life:
/// starting → ready → its upstream ALTO server unreachable → degraded → back → ready → stop.
/// The upstream is a real HTTP server behind a loopback relay the test stops and starts; the
/// proxy's circuit breaker notices, the health model changes, and the emulated board's trace
/// must show the LED patterns and the GPIO line levels of each phase.
/// </summary>
[Collection(EmulatedBoard.Collection)]
public sealed class StatusLedLifecycleTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromSeconds(60);
    private const string WanUrl = "http://127.0.0.1:17286";
    private const string Ecs = """{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"},"endpoints":{"srcs":["ipv4:192.0.2.1"],"dsts":["ipv4:198.51.100.1"]}}""";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly NotifySocket _notify = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-leds-").FullName;

    public void Dispose()
    {
        _http.Dispose();
        _notify.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_LEDs_follow_the_agent_from_start_through_a_lost_upstream_back_to_ready_and_a_clean_stop()
    {
        await using var upstream = await FakeAltoUpstream.StartAsync();
        await using var relay = new LoopbackRelay(FreePort.Next(), new IPEndPoint(IPAddress.Loopback, upstream.BaseUri.Port));
        relay.Start();
        var trace = new LedTrace(Path.Combine(_folder, "led-trace.log"));
        await using var agent = EmulatedBoard.Start(new Dictionary<string, string>
        {
            ["NOTIFY_SOCKET"] = _notify.Path,
            ["ALTOGW__Hardware__TraceFile"] = trace.Path,
            ["ALTOGW__Proxy__Upstreams__0__Directory"] = $"http://127.0.0.1:{relay.Port}/directory",
            ["ALTOGW__Proxy__Timeout"] = "00:00:10",
            ["ALTOGW__Proxy__Retries"] = "0",
            ["ALTOGW__Proxy__FailuresToOpen"] = "1",
            ["ALTOGW__Proxy__BreakDuration"] = "00:00:01",
        });

        // Starting: every line opened dark, then the power LED blinks slowly.
        await _notify.WaitForAsync(n => n == "READY=1", StartTimeout, "READY=1 from the arm64 agent");
        var start = trace.Events();
        Assert.True(LedTrace.InOrder(start, "level power off gpio17=0", "pattern power off", "pattern power slow-blink", "level power on gpio17=1"), string.Join('\n', start));
        Assert.Contains("level fault off gpio23=1", start); // active-low: dark is high

        // Ready: power and upstream solid, fault dark.
        var ready = await WaitForLedsAsync(agent, ("power", "on"), ("upstream", "on"), ("fault", "off"));
        Assert.Equal(("emulated", true), (ready.GetProperty("board").GetString(), ready.GetProperty("driver").GetString()!.StartsWith("emulated", StringComparison.Ordinal)));
        var events = trace.Events();
        Assert.True(LedTrace.InOrder(events, "pattern power slow-blink", "pattern power on"), string.Join('\n', events));
        Assert.Equal("level power on gpio17=1", LastLevel(events, "power"));
        Assert.Equal("level upstream on gpio27=1", LastLevel(events, "upstream"));
        Assert.DoesNotContain(events, e => e.StartsWith("pattern fault ", StringComparison.Ordinal) && e != "pattern fault off");

        // The upstream goes away: a tracker's request still gets an answer (the built-in server), the
        // upstream's circuit opens, alto-upstreams is degraded: upstream and fault blink slowly.
        var mark = trace.Events().Count;
        await relay.StopAsync();
        Assert.Equal(HttpStatusCode.OK, await AskProxyAsync());
        await WaitForLedsAsync(agent, ("upstream", "slow-blink"), ("fault", "slow-blink"), ("power", "on"));
        events = trace.Since(mark);
        Assert.True(LedTrace.InOrder(events, "pattern activity flash", "level activity on gpio22=1"), string.Join('\n', events));
        Assert.True(LedTrace.InOrder(events, "pattern fault slow-blink", "level fault on gpio23=0"), string.Join('\n', events));
        Assert.Contains("pattern upstream slow-blink", events);
        await WaitForTraceAsync(trace, mark, "level fault off gpio23=1"); // it blinks: dark again half a second later
        using (var healthz = await _http.GetAsync($"{EmulatedBoard.LanUrl}/healthz", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, healthz.StatusCode); // degraded still serves
        }

        // The upstream comes back: after the break the proxy tries it again, the circuit closes, ready.
        relay.Start();
        mark = trace.Events().Count;
        await WaitForLedsAsync(agent, async () => await AskProxyAsync(), ("upstream", "on"), ("fault", "off"), ("power", "on"));
        events = trace.Since(mark);
        Assert.True(LedTrace.InOrder(events, "pattern fault off"), string.Join('\n', events));
        Assert.Equal("off", LedTrace.LastPatterns(events)["fault"]);
        Assert.Equal("level fault off gpio23=1", LastLevel(trace.Events(), "fault"));
        Assert.Contains("pattern upstream on", events);

        // A clean stop: every LED dark, then the driver closes.
        mark = trace.Events().Count;
        agent.Terminate();
        Assert.True(await agent.WaitForExitAsync(TimeSpan.FromSeconds(30)), agent.Output);
        Assert.Equal(0, agent.ExitCode);
        events = trace.Since(mark);
        Assert.Equal("closed", events[^1]);
        Assert.True(LedTrace.InOrder(events, "pattern power off", "level power off gpio17=0", "pattern upstream off", "level upstream off gpio27=0"), string.Join('\n', events));
        Assert.Equal(new Dictionary<string, string> { ["power"] = "off", ["upstream"] = "off", ["activity"] = "off", ["fault"] = "off" },
            LedTrace.LastPatterns(trace.Events()));
        foreach (var (role, line, dark) in new[] { ("power", 17, 0), ("upstream", 27, 0), ("activity", 22, 0), ("fault", 23, 1) })
        {
            Assert.Equal($"level {role} off gpio{line}={dark}", LastLevel(trace.Events(), role));
        }

        Assert.Contains("Status LEDs: clean stop; power off, upstream off, fault off", agent.Output, StringComparison.Ordinal);
    }

    private static string? LastLevel(IEnumerable<string> events, string role) =>
        events.LastOrDefault(e => e.StartsWith($"level {role} ", StringComparison.Ordinal));

    private async Task<HttpStatusCode> AskProxyAsync()
    {
        using var content = new StringContent(Ecs, Encoding.UTF8);
        content.Headers.ContentType = new("application/alto-endpointcostparams+json");
        using var response = await _http.PostAsync($"{WanUrl}/proxy/endpointcost", content, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private Task<JsonElement> WaitForLedsAsync(AgentProcess agent, params (string Role, string Pattern)[] expected) =>
        WaitForLedsAsync(agent, static () => Task.CompletedTask, expected);

    /// <summary>Polls /status until the LEDs show <paramref name="expected"/>, doing <paramref name="between"/> between polls; the "leds" object.</summary>
    private async Task<JsonElement> WaitForLedsAsync(AgentProcess agent, Func<Task> between, params (string Role, string Pattern)[] expected)
    {
        var deadline = DateTime.UtcNow + PhaseTimeout;
        var last = string.Empty;
        while (DateTime.UtcNow < deadline && !agent.HasExited)
        {
            last = await _http.GetStringAsync($"{EmulatedBoard.LanUrl}/status", TestContext.Current.CancellationToken);
            var leds = JsonDocument.Parse(last).RootElement.GetProperty("leds");
            var shown = leds.GetProperty("roles").EnumerateArray().ToDictionary(r => r.GetProperty("role").GetString()!, r => r.GetProperty("pattern").GetString()!);
            if (expected.All(e => shown.GetValueOrDefault(e.Role) == e.Pattern))
            {
                return leds.Clone();
            }

            await between();
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"the LEDs never showed {string.Join(", ", expected)}; last /status:\n{last}\n{agent.Output}");
        return default;
    }

    private static async Task WaitForTraceAsync(LedTrace trace, int mark, string expected)
    {
        var deadline = DateTime.UtcNow + PhaseTimeout;
        while (!trace.Since(mark).Contains(expected))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the trace never showed '{expected}':\n{string.Join('\n', trace.Since(mark))}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

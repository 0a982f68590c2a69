using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests;

/// <summary>
/// The sd_notify(3) protocol as systemd sees it, on a real Unix datagram socket: the agent is
/// started the way a Type=notify unit with WatchdogSec starts it (NOTIFY_SOCKET, WATCHDOG_USEC).
/// </summary>
public sealed class SystemdProtocolTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly NotifySocket _notify = new();

    public void Dispose()
    {
        _http.Dispose();
        _notify.Dispose();
    }

    [Fact]
    public async Task Ready_status_watchdog_pings_and_stopping_are_sent()
    {
        var (lan, wan) = (FreePort.Next(), FreePort.Next());
        var environment = AgentProcessTests.Listeners(lan, wan);
        environment["NOTIFY_SOCKET"] = _notify.Path;
        environment["WATCHDOG_USEC"] = "400000"; // 0.4 s timeout: pings every 0.2 s
        await using var agent = AgentProcess.Start(["run"], environment);
        var timeout = TimeSpan.FromSeconds(30);

        await _notify.WaitForAsync(n => n == "READY=1", timeout, "READY=1");

        // READY=1 is sent once every component started: the listeners answer by then.
        using (var healthz = await _http.GetAsync($"http://127.0.0.1:{lan}/healthz", TestContext.Current.CancellationToken))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, healthz.StatusCode);
        }

        // STATUS= and READY=1 are sent from the same moment (application started), in either order.
        static bool IsReadyStatus(string n) => n.StartsWith("STATUS=ready", StringComparison.Ordinal);
        var status = _notify.All.FirstOrDefault(n => IsReadyStatus(n.Text))
            ?? await _notify.WaitForAsync(IsReadyStatus, timeout, "STATUS=ready…");
        var pings = new List<TimeSpan>();
        for (var i = 0; i < 8; i++)
        {
            pings.Add((await _notify.WaitForAsync(n => n == "WATCHDOG=1", timeout, $"WATCHDOG=1 number {i + 1}")).At);
        }

        agent.Terminate();
        await _notify.WaitForAsync(n => n == "STOPPING=1", timeout, "STOPPING=1");
        Assert.True(await agent.WaitForExitAsync(TimeSpan.FromSeconds(5)), agent.Output);
        Assert.Equal(0, agent.ExitCode);

        Assert.Matches($@"^STATUS=ready: (\d+) of \1 components ready; LAN http://127\.0\.0\.1:{lan}; WAN http://127\.0\.0\.1:{wan}$", status.Text);

        // Half of WATCHDOG_USEC is 200 ms. The median gap of eight pings is far from both the
        // timeout (400 ms: systemd would kill us) and from a busy loop; scheduling jitter is not.
        var gaps = pings.Zip(pings.Skip(1), (a, b) => (b - a).TotalMilliseconds).Order().ToList();
        var median = gaps[gaps.Count / 2];
        Assert.InRange(median, 100, 350);
    }

    [Fact]
    public async Task Without_notify_socket_nothing_is_sent_and_the_agent_runs_unchanged()
    {
        var (lan, wan) = (FreePort.Next(), FreePort.Next());
        var environment = AgentProcessTests.Listeners(lan, wan);
        environment["WATCHDOG_USEC"] = "400000";
        await using var agent = AgentProcess.Start(["run"], environment);

        using var healthz = await agent.WaitForHttpAsync(_http, $"http://127.0.0.1:{lan}/healthz", TimeSpan.FromSeconds(30));
        agent.Terminate();

        Assert.True(await agent.WaitForExitAsync(TimeSpan.FromSeconds(5)), agent.Output);
        Assert.Equal(0, agent.ExitCode);
        Assert.Empty(_notify.All);
    }
}

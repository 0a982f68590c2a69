using AltoGateway.Health;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Hosting;
using AltoGateway.Host.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Host.Tests.Hosting;

public sealed class SystemdStatusServiceTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly HealthRegistry _health;
    private readonly RecordingNotifier _notifier = new();
    private readonly FakeLifetime _lifetime = new();
    private readonly HealthReporter _upstream;

    public SystemdStatusServiceTests()
    {
        _health = new HealthRegistry(_time);
        _upstream = _health.Register("upstream");
    }

    public void Dispose() => _lifetime.Dispose();

    [Fact]
    public async Task Sends_status_when_started_and_on_every_health_change()
    {
        using var service = Create(watchdog: null);
        await service.StartAsync(CancellationToken.None);

        _lifetime.Start();
        _upstream.ReportReady();
        _upstream.ReportDegraded("alto.example.net unreachable");

        Assert.Equal(
            [
                "STATUS=starting: 0 of 1 components ready; LAN http://127.0.0.1:7285; WAN off",
                "STATUS=ready: 1 of 1 components ready; LAN http://127.0.0.1:7285; WAN off",
                "STATUS=degraded: 0 of 1 components ready; LAN http://127.0.0.1:7285; WAN off; upstream degraded (alto.example.net unreachable)",
            ],
            _notifier.Sent);
    }

    [Fact]
    public async Task Pings_the_watchdog_every_half_timeout()
    {
        using var service = Create(new SystemdWatchdog(TimeSpan.FromSeconds(10)));
        await service.StartAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Empty(Pings());
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Single(Pings());
        _time.Advance(TimeSpan.FromSeconds(5));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(3, Pings().Count);
    }

    [Fact]
    public async Task Withholds_pings_while_a_component_is_failed_and_resumes_after()
    {
        using var service = Create(new SystemdWatchdog(TimeSpan.FromSeconds(2)));
        await service.StartAsync(CancellationToken.None);

        _upstream.ReportFailed("no upstream answers");
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(Pings());

        _upstream.ReportDegraded("one upstream answers");
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(Pings());
    }

    [Fact]
    public async Task Stops_pinging_once_stopped()
    {
        using var service = Create(new SystemdWatchdog(TimeSpan.FromSeconds(2)));
        await service.StartAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        await service.StopAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(10));
        _upstream.ReportReady();

        Assert.Equal(["WATCHDOG=1"], _notifier.Sent);
    }

    [Fact]
    public async Task Outside_systemd_there_is_no_notifier_and_nothing_breaks()
    {
        using var service = new SystemdStatusService(null, _health, _lifetime, _time, new SystemdWatchdog(TimeSpan.FromSeconds(2)),
            Listeners(), NullLogger<SystemdStatusService>.Instance);

        await service.StartAsync(CancellationToken.None);
        _lifetime.Start();
        _time.Advance(TimeSpan.FromSeconds(10));
        _upstream.ReportFailed("x");
        await service.StopAsync(CancellationToken.None);
    }

    private List<string> Pings() => _notifier.Sent.Where(s => s == "WATCHDOG=1").ToList();

    private SystemdStatusService Create(SystemdWatchdog? watchdog) =>
        new(_notifier, _health, _lifetime, _time, watchdog, Listeners(), NullLogger<SystemdStatusService>.Instance);

    private static ListenerMap Listeners() => new(new HttpOptions
    {
        Lan = new ListenerOptions { Urls = ["http://127.0.0.1:7285"] },
        Wan = new ListenerOptions { Enabled = false },
    });

    private sealed class RecordingNotifier : ISystemdNotifier
    {
        public List<string> Sent { get; } = [];

        public bool IsEnabled => true;

        public void Notify(ServiceState state) => Sent.Add(state.ToString());
    }

    private sealed class FakeLifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _started = new();

        public CancellationToken ApplicationStarted => _started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Start() => _started.Cancel();

        public void StopApplication()
        {
        }

        public void Dispose() => _started.Dispose();
    }
}

using AltoGateway.Health;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Hosting;

/// <summary>
/// Tells systemd what the agent is doing: STATUS= lines on every health change and watchdog pings
/// at half of WATCHDOG_USEC, withheld while a component is failed so that systemd restarts us.
/// READY=1 and STOPPING=1 come from the library's SystemdLifetime (see <see cref="SystemdIntegration"/>;
/// outside systemd there is no notifier and this service idles).
/// </summary>
internal sealed class SystemdStatusService : IHostedService, IDisposable
{
    private readonly ISystemdNotifier? _notifier;
    private readonly HealthRegistry _health;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly SystemdWatchdog? _watchdog;
    private readonly string _listeners;
    private readonly ILogger _logger;
    private ITimer? _timer;
    private bool _withheld;

    public SystemdStatusService(
        ISystemdNotifier? notifier,
        HealthRegistry health,
        IHostApplicationLifetime lifetime,
        TimeProvider time,
        SystemdWatchdog? watchdog,
        Http.ListenerMap listeners,
        ILogger<SystemdStatusService> logger)
    {
        _notifier = notifier;
        _health = health;
        _lifetime = lifetime;
        _time = time;
        _watchdog = watchdog;
        _listeners = listeners.Summary;
        _logger = logger;
    }

    private bool Enabled => _notifier is { IsEnabled: true };

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            HostLog.NotUnderSystemd(_logger);
            return Task.CompletedTask;
        }

        _health.Changed += OnHealthChanged;
        _lifetime.ApplicationStarted.Register(SendStatus);
        if (_watchdog is not null)
        {
            HostLog.WatchdogEnabled(_logger, _watchdog.PingInterval);
            _timer = _time.CreateTimer(static state => ((SystemdStatusService)state!).Ping(), this, _watchdog.PingInterval, _watchdog.PingInterval);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _health.Changed -= OnHealthChanged;
        _timer?.Dispose();
        _timer = null;
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    /// <summary>One watchdog tick: ping unless a component has failed.</summary>
    internal void Ping()
    {
        var failed = _health.Snapshot().FirstOrDefault(c => c.State == HealthState.Failed);
        if (failed is not null)
        {
            if (!_withheld)
            {
                HostLog.WatchdogWithheld(_logger, failed.Component, failed.Reason ?? "no reason given");
                _withheld = true;
            }

            return;
        }

        if (_withheld)
        {
            HostLog.WatchdogResumed(_logger);
            _withheld = false;
        }

        _notifier!.Notify(new ServiceState("WATCHDOG=1"));
    }

    private void OnHealthChanged(object? sender, ComponentHealth change) => SendStatus();

    private void SendStatus() =>
        _notifier!.Notify(new ServiceState("STATUS=" + AgentStatusLine.Describe(_health.Snapshot(), _listeners)));
}

using AltoGateway.Hardware.Drivers;
using AltoGateway.Hardware.Leds;
using AltoGateway.Health;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Hardware;

/// <summary>
/// Shows the health model on the status LEDs: every health change goes through
/// <see cref="StatusLedPolicy"/> to the pattern runner. Registered first, so the power LED blinks
/// while the host starts its services (and while any component is starting); when the host begins to stop, the LEDs take the clean-stop
/// state (all off), or the stopping-on-error state (fault solid) when a component has failed.
/// Owns the component <c>leds</c>: ready on the board's LEDs, degraded on the console fallback.
/// </summary>
internal sealed class StatusLedService : IHostedService
{
    public const string ComponentName = "leds";

    private readonly Lock _gate = new();
    private readonly HealthRegistry _health;
    private readonly StatusLedPolicy _policy;
    private readonly LedPatternRunner _runner;
    private readonly LedActivity _activity;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;
    private readonly HealthReporter _reporter;
    private readonly string? _fallbackReason;
    private AgentPhase _phase = AgentPhase.Starting;
    private CancellationTokenRegistration _started;
    private CancellationTokenRegistration _stopping;

    public StatusLedService(HealthRegistry health, StatusLedPolicy policy, LedPatternRunner runner, LedActivity activity, string? fallbackReason,
        IHostApplicationLifetime lifetime, ILogger<StatusLedService> logger)
    {
        _health = health;
        _policy = policy;
        _runner = runner;
        _activity = activity;
        _fallbackReason = fallbackReason;
        _lifetime = lifetime;
        _logger = logger;
        _reporter = health.Register(ComponentName);
        _runner.DriverFailed += OnDriverFailed;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _health.Changed += OnHealthChanged;
        _started = _lifetime.ApplicationStarted.Register(static state => ((StatusLedService)state!).EnterRunning(), this);
        _stopping = _lifetime.ApplicationStopping.Register(static state => ((StatusLedService)state!).EnterStopState(), this);
        if (_fallbackReason is null)
        {
            _reporter.ReportReady();
        }
        else
        {
            _reporter.ReportDegraded($"LEDs not lit, patterns logged instead: {_fallbackReason}");
        }

        Update();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        EnterStopState();
        _health.Changed -= OnHealthChanged;
        _started.Dispose();
        _stopping.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Once: the stop state, decided by the health at the moment the stop began.</summary>
    private void EnterStopState()
    {
        StatusLedPatterns patterns;
        lock (_gate)
        {
            if (_phase is not (AgentPhase.Starting or AgentPhase.Running))
            {
                return;
            }

            _phase = _health.Snapshot().Any(c => c.State == HealthState.Failed) ? AgentPhase.StoppingOnError : AgentPhase.StoppedCleanly;
            _activity.Stop();
            patterns = Show();
        }

        HardwareLog.Stopping(_logger, _phase == AgentPhase.StoppedCleanly ? "clean stop" : "stopping on an error",
            patterns.Power.Name(), patterns.Upstream.Name(), patterns.Fault.Name());
    }

    /// <summary>Every hosted service has started: from now on the power LED follows the components alone.</summary>
    private void EnterRunning()
    {
        lock (_gate)
        {
            if (_phase == AgentPhase.Starting)
            {
                _phase = AgentPhase.Running;
                Show();
            }
        }
    }

    private void OnHealthChanged(object? sender, ComponentHealth change) => Update();

    private void Update()
    {
        lock (_gate)
        {
            if (_phase is AgentPhase.Starting or AgentPhase.Running)
            {
                Show();
            }
        }
    }

    private StatusLedPatterns Show()
    {
        var patterns = _policy.Decide(_health.Snapshot(), _phase);
        _runner.Show(LedRole.Power, patterns.Power);
        _runner.Show(LedRole.Upstream, patterns.Upstream);
        _runner.Show(LedRole.Fault, patterns.Fault);
        if (_phase is AgentPhase.StoppedCleanly or AgentPhase.StoppingOnError)
        {
            _runner.Show(LedRole.Activity, LedPattern.Off);
        }

        return patterns;
    }

    private void OnDriverFailed(object? sender, Exception failure)
    {
        HardwareLog.DriverFailed(_logger, _runner.DriverDescription, failure.Message);
        _runner.ReplaceDriver(new ConsoleLedDriver((role, pattern) => HardwareServices.LogPattern(_logger, role, pattern), "console (fallback)"));
        _reporter.ReportDegraded($"LEDs not lit, patterns logged instead: {failure.Message}");
    }
}

namespace AltoGateway.Health;

/// <summary>The handle through which one registered component reports its own state.</summary>
public sealed class HealthReporter
{
    private readonly HealthRegistry _registry;

    internal HealthReporter(HealthRegistry registry, string component)
    {
        _registry = registry;
        Component = component;
    }

    public string Component { get; }

    public void ReportStarting(string? reason = null) => _registry.Report(Component, HealthState.Starting, reason);

    public void ReportReady() => _registry.Report(Component, HealthState.Ready, null);

    public void ReportDegraded(string reason) => _registry.Report(Component, HealthState.Degraded, RequireReason(reason));

    public void ReportFailed(string reason) => _registry.Report(Component, HealthState.Failed, RequireReason(reason));

    private static string RequireReason(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return reason;
    }
}

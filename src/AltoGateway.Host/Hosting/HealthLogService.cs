using AltoGateway.Health;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Hosting;

/// <summary>Writes one log line per component state change, so the journal tells the health history.</summary>
internal sealed class HealthLogService(HealthRegistry health, ILogger<HealthLogService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        health.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        health.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(object? sender, ComponentHealth change) =>
        HostLog.ComponentChanged(logger, change.Component, change.State.ToString().ToLowerInvariant(),
            change.Reason is null ? string.Empty : $": {change.Reason}");
}

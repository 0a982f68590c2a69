using AltoGateway.Host.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Http;

/// <summary>Logs at start how the WAN listeners are guarded, and what about it is unwise.</summary>
internal sealed class WanAccessReport(ListenerOptions wan, int tokens, IReadOnlyList<ConfigurationProblem> warnings, ListenerMap listeners, ILogger<WanAccessReport> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (listeners.Wan.Count == 0)
        {
            return Task.CompletedTask;
        }

        var access = wan.Access ?? new WanAccessOptions();
        var limit = access.RateLimit;
        WanAccessLog.Configured(logger, access.Mode.ToString(), tokens, (wan.Tls?.ClientCertificates ?? WanClientCertificates.None).ToString(), limit.RequestsPerSecond, limit.Burst, limit.MaxClients);
        if (access.Mode == WanAccessMode.Open && !listeners.Wan.All(e => e.IsLoopbackOnly))
        {
            WanAccessLog.OpenToTheWorld(logger, ListenerMap.Describe(listeners.Wan));
        }

        foreach (var warning in warnings)
        {
            WanAccessLog.ConfigurationWarning(logger, warning.Key, warning.Message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

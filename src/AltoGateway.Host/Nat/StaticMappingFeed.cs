using AltoGateway.Health;
using AltoGateway.Host.Configuration;
using AltoGateway.Nat.Map;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Nat;

/// <summary>The <c>nat-static</c> component: puts the configured static mappings into the NAT map.</summary>
internal sealed class StaticMappingFeed : IHostedService
{
    public const string ComponentName = "nat-static";
    private readonly NatMap _map;
    private readonly NatOptions _options;
    private readonly HealthReporter _health;
    private readonly ILogger _logger;

    public StaticMappingFeed(NatMap map, NatOptions options, HealthRegistry health, ILogger<StaticMappingFeed> logger)
    {
        _map = map;
        _options = options;
        _health = health.Register(ComponentName);
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var rejected = 0;
        foreach (var entry in _options.Static)
        {
            // The configuration was checked before start, so every entry parses.
            if (entry.TryGetMapping(out var mapping) && !_map.Upsert(mapping, lifetime: null))
            {
                NatLog.StaticRejected(_logger, entry.Protocol, entry.External, entry.Internal);
                rejected++;
            }
        }

        NatLog.StaticLoaded(_logger, _options.Static.Count - rejected);
        if (rejected > 0)
        {
            _health.ReportDegraded($"{rejected} static mappings did not fit in the NAT map");
        }
        else
        {
            _health.ReportReady();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

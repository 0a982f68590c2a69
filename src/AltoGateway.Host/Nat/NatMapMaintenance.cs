using AltoGateway.Nat.Map;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Nat;

/// <summary>Sweeps expired mappings out of the NAT map once a second (lookups already ignore them).</summary>
internal sealed class NatMapMaintenance(NatMap map, TimeProvider time, ILogger<NatMapMaintenance> logger) : IHostedService, IDisposable
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);
    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = time.CreateTimer(static state => ((NatMapMaintenance)state!).Sweep(), this, SweepInterval, SweepInterval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    internal void Sweep()
    {
        var removed = map.RemoveExpired();
        if (removed > 0)
        {
            NatLog.ExpiredRemoved(logger, removed);
        }
    }
}

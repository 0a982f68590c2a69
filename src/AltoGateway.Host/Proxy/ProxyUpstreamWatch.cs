using AltoGateway.Health;
using AltoGateway.Proxy.Upstreams;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Proxy;

/// <summary>
/// Watches the upstreams for the health model (component <c>alto-upstreams</c>), the logs and
/// /metrics. Ready while every configured upstream answers (or none is configured); degraded while
/// some are skipped after failures but another or the built-in server still answers; failed when
/// none is left.
/// </summary>
internal sealed class ProxyUpstreamWatch : IUpstreamObserver
{
    public const string ComponentName = "alto-upstreams";

    private readonly HealthReporter _health;
    private readonly ProxyMetrics _metrics;
    private readonly ILogger _logger;
    private readonly List<(string Name, CircuitBreaker Breaker)> _guarded = [];
    private readonly bool _builtInFallback;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _lastFailure = new(StringComparer.Ordinal);

    public ProxyUpstreamWatch(HealthRegistry health, ProxyMetrics metrics, ILogger logger, bool builtInFallback)
    {
        _health = health.Register(ComponentName);
        _metrics = metrics;
        _logger = logger;
        _builtInFallback = builtInFallback;
    }

    /// <summary>Adds a configured upstream and follows its circuit.</summary>
    public void Watch(string name, CircuitBreaker breaker, TimeSpan breakDuration)
    {
        _guarded.Add((name, breaker));
        _metrics.Watch(name, breaker);
        breaker.StateChanged += (before, after) =>
        {
            switch (after)
            {
                case CircuitState.Open:
                    ProxyLog.CircuitOpened(_logger, name, breakDuration.TotalSeconds, LastFailure(name));
                    break;
                case CircuitState.Closed:
                    ProxyLog.CircuitClosed(_logger, name);
                    break;
                case CircuitState.HalfOpen:
                    ProxyLog.CircuitHalfOpen(_logger, name);
                    break;
            }

            Report();
        };
    }

    /// <summary>The first report, once every upstream is watched.</summary>
    public void Report()
    {
        var failing = _guarded.Where(g => g.Breaker.State != CircuitState.Closed).Select(g => g.Name).ToList();
        if (failing.Count == 0)
        {
            _health.ReportReady();
        }
        else if (failing.Count < _guarded.Count || _builtInFallback)
        {
            _health.ReportDegraded($"not answering: {string.Join(", ", failing)}"
                + (failing.Count == _guarded.Count ? "; the built-in ALTO server answers instead" : string.Empty));
        }
        else
        {
            _health.ReportFailed($"no upstream ALTO server answers: {string.Join(", ", failing)}");
        }
    }

    public void Attempted(string upstream, UpstreamFailure? failure, TimeSpan elapsed)
    {
        _metrics.Upstream(upstream, failure, elapsed);
        if (failure is not null)
        {
            lock (_lock)
            {
                _lastFailure[upstream] = failure.Kind + ": " + failure.Message;
            }

            ProxyLog.UpstreamFailed(_logger, upstream, failure.Kind.ToString(), (long)elapsed.TotalMilliseconds, failure.Message);
        }
    }

    public void SkippedOpenCircuit(string upstream) => _metrics.UpstreamSkipped(upstream);

    private string LastFailure(string upstream)
    {
        lock (_lock)
        {
            return _lastFailure.GetValueOrDefault(upstream, "(unknown)");
        }
    }
}

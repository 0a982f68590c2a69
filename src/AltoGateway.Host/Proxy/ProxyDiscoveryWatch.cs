using AltoGateway.Discovery.Resolution;
using AltoGateway.Health;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Proxy;

/// <summary>
/// The health (component <c>proxy-discovery</c>), logs and counters of the proxy's upstream discovery. Ready while
/// lookups get answers (found or not); degraded after a lookup failed (DNS down or broken), since the configured
/// upstreams and the built-in server then answer for sources that may have a better server; ready again after the
/// next answered lookup. A failure is never the tracker's problem: its request is answered by the fallbacks.
/// </summary>
internal sealed class ProxyDiscoveryWatch
{
    public const string ComponentName = "proxy-discovery";

    private readonly HealthReporter _health;
    private readonly ProxyMetrics _metrics;
    private readonly ILogger _logger;
    private int _failing; // 1 while the last lookup failed

    public ProxyDiscoveryWatch(HealthRegistry health, ProxyMetrics metrics, ILogger logger)
    {
        _health = health.Register(ComponentName);
        _metrics = metrics;
        _logger = logger;
        _health.ReportReady();
    }

    /// <summary>Discovery cannot run at all (no DNS server).</summary>
    public void Unavailable(string reason)
    {
        ProxyLog.DiscoveryUnavailable(_logger, reason);
        _health.ReportDegraded($"discovery cannot run: {reason}; the configured upstreams and the built-in server answer every source");
    }

    public void Found(DiscoveryRequest request, IReadOnlyList<Uri> uris)
    {
        _metrics.Discovery(Procedure(request), "found");
        Answered(request);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            ProxyLog.Discovered(_logger, request.Subject, string.Join(", ", uris));
        }
    }

    public void NotFound(DiscoveryRequest request)
    {
        _metrics.Discovery(Procedure(request), "not-found");
        Answered(request);
        ProxyLog.NothingDiscovered(_logger, request.Subject);
    }

    public void Failed(DiscoveryRequest request, string reason, TimeSpan backoff)
    {
        _metrics.Discovery(Procedure(request), "failed");
        Interlocked.Exchange(ref _failing, 1);
        ProxyLog.DiscoveryFailed(_logger, request.Subject, reason, backoff.TotalSeconds);
        _health.ReportDegraded($"discovery failed for {request.Subject}: {reason}; the configured upstreams and the built-in server answer instead");
    }

    /// <summary>Not asked: the subject failed shortly before.</summary>
    public void BackingOff(DiscoveryRequest request) => _metrics.Discovery(Procedure(request), "backoff");

    private void Answered(DiscoveryRequest request)
    {
        if (Interlocked.Exchange(ref _failing, 0) == 1)
        {
            ProxyLog.DiscoveryRecovered(_logger, request.Subject);
            _health.ReportReady();
        }
    }

    private static string Procedure(DiscoveryRequest request) =>
        request.Procedure == DiscoveryProcedure.AccessDomain ? "access-domain" : "xdomdisc";
}

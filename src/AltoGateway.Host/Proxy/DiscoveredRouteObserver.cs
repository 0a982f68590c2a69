using AltoGateway.Proxy.Upstreams;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Proxy;

/// <summary>
/// The observer of chains that start with discovered upstreams: attempts at the configured upstreams and the built-in
/// server go to <see cref="ProxyUpstreamWatch"/> as always; attempts at discovered ones are logged by URI but counted
/// under the one label <c>upstream="discovered"</c>, since trackers decide which URIs they are and a metric label per
/// URI would grow without bound. Discovered upstreams do not make <c>alto-upstreams</c> degraded.
/// </summary>
internal sealed class DiscoveredRouteObserver(ProxyUpstreamWatch watch, ProxyMetrics metrics, ILogger logger, IReadOnlySet<string> fallbackNames) : IUpstreamObserver
{
    public const string DiscoveredLabel = "discovered";

    public void Attempted(string upstream, UpstreamFailure? failure, TimeSpan elapsed)
    {
        if (fallbackNames.Contains(upstream))
        {
            watch.Attempted(upstream, failure, elapsed);
            return;
        }

        metrics.Upstream(DiscoveredLabel, failure, elapsed);
        if (failure is not null)
        {
            ProxyLog.UpstreamFailed(logger, upstream, failure.Kind.ToString(), (long)elapsed.TotalMilliseconds, failure.Message);
        }
    }

    public void SkippedOpenCircuit(string upstream)
    {
        if (fallbackNames.Contains(upstream))
        {
            watch.SkippedOpenCircuit(upstream);
        }
        else
        {
            metrics.UpstreamSkipped(DiscoveredLabel);
        }
    }
}

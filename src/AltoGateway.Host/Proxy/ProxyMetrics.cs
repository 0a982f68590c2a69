using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AltoGateway.Proxy.Placement;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Host.Proxy;

/// <summary>
/// The proxy's numbers for /metrics: tracker requests by resource and status, endpoints left
/// unresolved by reason, upstream attempts by upstream and outcome, and each upstream's circuit.
/// </summary>
internal sealed class ProxyMetrics
{
    public const string MeterName = "AltoGateway.Host.Proxy";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _unresolved;
    private readonly Counter<long> _upstreamRequests;
    private readonly Histogram<double> _upstreamSeconds;
    private readonly Counter<long> _discoveries;
    private readonly ConcurrentDictionary<string, Func<CircuitState>> _circuits = new(StringComparer.Ordinal);

    public ProxyMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("altogw.proxy.requests", description: "Third-party ALTO requests from trackers, by resource and HTTP status");
        _unresolved = meter.CreateCounter<long>("altogw.proxy.unresolved", description: "Endpoints answered as unresolved, by reason");
        _upstreamRequests = meter.CreateCounter<long>("altogw.proxy.upstream.requests", description: "Requests to upstream ALTO servers, by upstream and outcome");
        _upstreamSeconds = meter.CreateHistogram<double>("altogw.proxy.upstream.duration", unit: "s", description: "How long upstream ALTO servers took to answer");
        _discoveries = meter.CreateCounter<long>("altogw.proxy.discovery.lookups", description: "Upstream discoveries of the proxy, by procedure and outcome");
        meter.CreateObservableGauge("altogw.proxy.upstream.circuit_open", () => _circuits.Select(c =>
            new Measurement<int>(c.Value() == CircuitState.Closed ? 0 : 1, new KeyValuePair<string, object?>("upstream", c.Key))),
            description: "1 while an upstream is skipped or on trial after failures (circuit open or half-open)");
    }

    /// <summary>
    /// One discovery: <paramref name="procedure"/> "access-domain" (RFC 7286) or "xdomdisc" (RFC 8686);
    /// <paramref name="outcome"/> "found", "not-found", "failed" or "backoff" (not asked: it failed shortly before).
    /// </summary>
    public void Discovery(string procedure, string outcome) => _discoveries.Add(1,
        new KeyValuePair<string, object?>("procedure", procedure), new KeyValuePair<string, object?>("outcome", outcome));

    public void Watch(string upstream, CircuitBreaker breaker) => _circuits[upstream] = () => breaker.State;

    public void Request(string resource, int status) => _requests.Add(1,
        new KeyValuePair<string, object?>("resource", resource), new KeyValuePair<string, object?>("status", status));

    public void Unresolved(UnresolvedReason reason) => _unresolved.Add(1, new KeyValuePair<string, object?>("reason", UnresolvedReasons.Code(reason)));

    /// <summary>An upstream not asked because its circuit is open.</summary>
    public void UpstreamSkipped(string upstream) => _upstreamRequests.Add(1,
        new KeyValuePair<string, object?>("upstream", upstream), new KeyValuePair<string, object?>("outcome", "skipped"));

    public void Upstream(string upstream, UpstreamFailure? failure, TimeSpan elapsed)
    {
        var outcome = failure is null ? "ok" : failure.Kind.ToString().ToLowerInvariant();
        var labels = new KeyValuePair<string, object?>("upstream", upstream);
        _upstreamRequests.Add(1, labels, new KeyValuePair<string, object?>("outcome", outcome));

        // The built-in server answers in-process in microseconds: its durations would only fill the lowest bucket.
        if (upstream != UpstreamNames.BuiltIn)
        {
            _upstreamSeconds.Record(elapsed.TotalSeconds, labels);
        }
    }
}

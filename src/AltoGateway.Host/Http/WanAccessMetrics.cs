using System.Diagnostics.Metrics;

namespace AltoGateway.Host.Http;

/// <summary><c>altogw_wan_rejected_total{reason}</c>: WAN requests refused by access control, by reason.</summary>
internal sealed class WanAccessMetrics
{
    public const string MeterName = "AltoGateway.Host.WanAccess";
    public const string Unauthenticated = "unauthenticated";
    public const string RateLimited = "rate-limited";
    public const string TooManyClients = "too-many-clients";

    private readonly Counter<long> _rejected;

    public WanAccessMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _rejected = meter.CreateCounter<long>("altogw.wan.rejected",
            description: "WAN requests refused: unauthenticated (401, or a TLS client certificate refused), rate-limited (429), too-many-clients (503)");

        // Every series exists from the start, at 0, so that a rate() over it works before the first refusal.
        foreach (var reason in new[] { Unauthenticated, RateLimited, TooManyClients })
        {
            Rejected(reason, 0);
        }
    }

    public void Rejected(string reason, long count = 1) => _rejected.Add(count, new KeyValuePair<string, object?>("reason", reason));
}

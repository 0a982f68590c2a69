using System.Diagnostics.Metrics;
using AltoGateway.Nat.Map;

namespace AltoGateway.Host.Nat;

/// <summary>The NAT map's numbers for /metrics and /status.</summary>
internal sealed class NatMetrics
{
    public const string MeterName = "AltoGateway.Nat";
    private readonly Counter<long> _lookups;
    private long _lookupCount;
    private long _missCount;

    public NatMetrics(IMeterFactory meterFactory, NatMap map)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("altogw.nat.entries", () => map.Count, description: "NAT mappings held");
        meter.CreateObservableGauge("altogw.nat.subscribers", () => map.SubscriberCount, description: "Internal addresses with at least one mapping");
        meter.CreateObservableGauge("altogw.nat.capacity", () => map.MaxEntries, description: "Most mappings the memory budget allows");
        meter.CreateObservableCounter("altogw.nat.evicted", () => map.Evicted, description: "Mappings evicted to stay within the memory budget");
        meter.CreateObservableCounter("altogw.nat.expired", () => map.Expired, description: "Mappings removed when their lifetime ran out");
        meter.CreateObservableCounter("altogw.nat.rejected", () => map.Rejected, description: "Mappings refused because the map was full of static mappings");
        _lookups = meter.CreateCounter<long>("altogw.nat.lookups", description: "Subscriber resolutions, by what was asked and the outcome");
    }

    /// <summary>Counts one resolution: <paramref name="by"/> address, address-port or peer-id; outcome found, unknown, ambiguous, expired, malformed.</summary>
    public void Lookup(string by, string outcome)
    {
        Interlocked.Increment(ref _lookupCount);
        if (outcome != "found")
        {
            Interlocked.Increment(ref _missCount);
        }

        _lookups.Add(1, new KeyValuePair<string, object?>("by", by), new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <summary>Resolutions answered since start.</summary>
    public long Lookups => Interlocked.Read(ref _lookupCount);

    /// <summary>Resolutions that named no subscriber.</summary>
    public long Misses => Interlocked.Read(ref _missCount);
}

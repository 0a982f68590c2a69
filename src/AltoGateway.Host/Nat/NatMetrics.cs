using System.Diagnostics.Metrics;
using AltoGateway.Nat.Map;
using AltoGateway.Nat.Resolution;

namespace AltoGateway.Host.Nat;

/// <summary>The NAT map's numbers for /metrics and /status.</summary>
internal sealed class NatMetrics
{
    public const string MeterName = "AltoGateway.Nat";
    private static readonly string[] Kinds = ["address", "address-port", "peer-id"];
    private static readonly ResolutionOutcome[] Outcomes = Enum.GetValues<ResolutionOutcome>();

    /// <summary>One stripe's counters: kinds × outcomes, padded to whole 64-byte cache lines.</summary>
    private static readonly int StripeWidth = ((Kinds.Length * Outcomes.Length) + 7) / 8 * 8;

    /// <summary>
    /// Resolutions by kind (index into <see cref="Kinds"/>) and outcome, in one stripe per processor:
    /// the proxy counts a hundred per tracker request, from every thread, so the counters are neither
    /// locked nor shared between processors; they are summed at scrape time.
    /// </summary>
    private readonly long[] _lookups = new long[Environment.ProcessorCount * StripeWidth];

    public NatMetrics(IMeterFactory meterFactory, NatMap map)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("altogw.nat.entries", () => map.Count, description: "NAT mappings held");
        meter.CreateObservableGauge("altogw.nat.subscribers", () => map.SubscriberCount, description: "Internal addresses with at least one mapping");
        meter.CreateObservableGauge("altogw.nat.capacity", () => map.MaxEntries, description: "Most mappings the memory budget allows");
        meter.CreateObservableCounter("altogw.nat.evicted", () => map.Evicted, description: "Mappings evicted to stay within the memory budget");
        meter.CreateObservableCounter("altogw.nat.expired", () => map.Expired, description: "Mappings removed when their lifetime ran out");
        meter.CreateObservableCounter("altogw.nat.rejected", () => map.Rejected, description: "Mappings refused because the map was full of static mappings");
        meter.CreateObservableCounter("altogw.nat.lookups", LookupMeasurements, description: "Subscriber resolutions, by what was asked and the outcome");
    }

    /// <summary>The label of a resolution's outcome: found, unknown, ambiguous, expired, malformed.</summary>
    public static string OutcomeName(ResolutionOutcome outcome) => outcome switch
    {
        ResolutionOutcome.Found => "found",
        ResolutionOutcome.Unknown => "unknown",
        ResolutionOutcome.Ambiguous => "ambiguous",
        ResolutionOutcome.Expired => "expired",
        ResolutionOutcome.Malformed => "malformed",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Counts <paramref name="count"/> resolutions: <paramref name="by"/> is "address", "address-port"
    /// or "peer-id". Called for every request of a tracker, so it takes no lock and allocates nothing.
    /// </summary>
    public void Lookup(string by, ResolutionOutcome outcome, int count = 1)
    {
        var kind = by switch
        {
            "address" => 0,
            "address-port" => 1,
            "peer-id" => 2,
            _ => throw new ArgumentOutOfRangeException(nameof(by), by, "not a kind of lookup"),
        };
        var stripe = Thread.GetCurrentProcessorId() % Environment.ProcessorCount;
        Interlocked.Add(ref _lookups[(stripe * StripeWidth) + (kind * Outcomes.Length) + (int)outcome], count);
    }

    /// <summary>Resolutions counted for one kind and outcome, over every stripe.</summary>
    private long Count(int kind, int outcome)
    {
        long total = 0;
        for (var stripe = 0; stripe < _lookups.Length; stripe += StripeWidth)
        {
            total += Interlocked.Read(ref _lookups[stripe + (kind * Outcomes.Length) + outcome]);
        }

        return total;
    }

    private IEnumerable<Measurement<long>> LookupMeasurements()
    {
        for (var kind = 0; kind < Kinds.Length; kind++)
        {
            for (var outcome = 0; outcome < Outcomes.Length; outcome++)
            {
                var count = Count(kind, outcome);
                if (count > 0)
                {
                    yield return new Measurement<long>(count,
                        new KeyValuePair<string, object?>("by", Kinds[kind]),
                        new KeyValuePair<string, object?>("outcome", OutcomeName(Outcomes[outcome])));
                }
            }
        }
    }

    /// <summary>Resolutions answered since start.</summary>
    public long Lookups => Sum(includeFound: true);

    /// <summary>Resolutions that named no subscriber.</summary>
    public long Misses => Sum(includeFound: false);

    private long Sum(bool includeFound)
    {
        long total = 0;
        for (var kind = 0; kind < Kinds.Length; kind++)
        {
            for (var outcome = 0; outcome < Outcomes.Length; outcome++)
            {
                if (includeFound || Outcomes[outcome] != ResolutionOutcome.Found)
                {
                    total += Count(kind, outcome);
                }
            }
        }

        return total;
    }
}

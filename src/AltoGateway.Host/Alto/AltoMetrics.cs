using System.Diagnostics.Metrics;

namespace AltoGateway.Host.Alto;

/// <summary>
/// The built-in ALTO server's numbers for /metrics: reloads by result, requests refused by reason,
/// and the requests in progress and waiting. Counted here and observed at scrape time, so every
/// series exists from the start and nothing recorded before the exporter listens is lost.
/// </summary>
internal sealed class AltoMetrics
{
    public const string MeterName = "AltoGateway.Host.Alto";

    private long _applied;
    private long _unchanged;
    private long _rejectedReloads;
    private long _overloaded;
    private Func<(long InProgress, long Waiting)> _load = static () => (0, 0);

    public AltoMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableCounter("altogw.alto.reloads", () => new[]
        {
            Measurement(Interlocked.Read(ref _applied), "result", "applied"),
            Measurement(Interlocked.Read(ref _unchanged), "result", "unchanged"),
            Measurement(Interlocked.Read(ref _rejectedReloads), "result", "rejected"),
        }, description: "Reloads of the built-in ALTO server's maps, by result");
        meter.CreateObservableCounter("altogw.alto.rejected", () => Measurement(Interlocked.Read(ref _overloaded), "reason", "overload"),
            description: "ALTO requests refused before they were handled, by reason");
        meter.CreateObservableGauge("altogw.alto.requests.in_progress", () => _load().InProgress, description: "ALTO requests being answered");
        meter.CreateObservableGauge("altogw.alto.requests.waiting", () => _load().Waiting, description: "ALTO requests waiting for one in progress to finish");
    }

    /// <summary>Where the in-progress and waiting numbers come from (the admission limiter).</summary>
    public void ObserveLoad(Func<(long InProgress, long Waiting)> load) => _load = load;

    public void Reloaded(AltoReloadResult result) => Interlocked.Increment(
        ref result == AltoReloadResult.Applied ? ref _applied
        : ref result == AltoReloadResult.Unchanged ? ref _unchanged
        : ref _rejectedReloads);

    public void Overloaded() => Interlocked.Increment(ref _overloaded);

    private static Measurement<long> Measurement(long value, string label, string labelValue) =>
        new(value, new KeyValuePair<string, object?>(label, labelValue));
}

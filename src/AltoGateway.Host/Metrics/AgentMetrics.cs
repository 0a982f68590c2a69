using System.Diagnostics;
using System.Diagnostics.Metrics;
using AltoGateway.Health;

namespace AltoGateway.Host.Metrics;

/// <summary>The host's own instruments: HTTP requests, component health, uptime and memory.</summary>
internal sealed class AgentMetrics
{
    public const string MeterName = "AltoGateway.Host";

    private readonly Counter<long> _httpRequests;

    public AgentMetrics(IMeterFactory meterFactory, HealthRegistry health, TimeProvider time)
    {
        var meter = meterFactory.Create(MeterName);
        var started = time.GetTimestamp();
        _httpRequests = meter.CreateCounter<long>("altogw.http.requests", description: "HTTP requests answered, by listener group and status code");
        meter.CreateObservableGauge("altogw.uptime.seconds", () => time.GetElapsedTime(started).TotalSeconds, description: "Seconds since the agent started");
        meter.CreateObservableGauge("altogw.component.state", () => ComponentStates(health),
            description: "Health of each component: 0 ready, 1 starting, 2 degraded, 3 failed");
        meter.CreateObservableGauge("process.resident_memory.bytes", () => Environment.WorkingSet, description: "Resident set size of the agent process");
        meter.CreateObservableGauge("altogw.build.info", () => new Measurement<int>(1, new KeyValuePair<string, object?>("version", Hosting.AgentVersion.Text)),
            description: "The running version, as a label");
    }

    public void HttpRequestAnswered(string listener, int statusCode) =>
        _httpRequests.Add(1, new KeyValuePair<string, object?>("listener", listener), new KeyValuePair<string, object?>("code", statusCode));

    private static IEnumerable<Measurement<int>> ComponentStates(HealthRegistry health) =>
        health.Snapshot().Select(c => new Measurement<int>((int)c.State, new KeyValuePair<string, object?>("component", c.Component)));
}

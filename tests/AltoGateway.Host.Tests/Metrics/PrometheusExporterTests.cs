using System.Diagnostics.Metrics;
using AltoGateway.Host.Metrics;
using AltoGateway.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace AltoGateway.Host.Tests.Metrics;

public sealed class PrometheusExporterTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly IMeterFactory _factory;
    private readonly PrometheusExporter _exporter;
    private readonly Meter _meter;

    public PrometheusExporterTests()
    {
        _factory = _services.GetRequiredService<IMeterFactory>();
        _exporter = new PrometheusExporter(_factory);
        _meter = _factory.Create("AltoGateway.Test");
    }

    public void Dispose()
    {
        _exporter.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void A_counter_becomes_a_total_with_sorted_labels()
    {
        var counter = _meter.CreateCounter<long>("altogw.dhcp.messages", description: "DHCP messages received");
        counter.Add(2, new KeyValuePair<string, object?>("type", "discover"), new KeyValuePair<string, object?>("interface", "eth1"));
        counter.Add(3, new KeyValuePair<string, object?>("interface", "eth1"), new KeyValuePair<string, object?>("type", "discover"));
        counter.Add(1, new KeyValuePair<string, object?>("type", "inform"), new KeyValuePair<string, object?>("interface", "eth1"));

        Assert.Equal(
            """
            # HELP altogw_dhcp_messages_total DHCP messages received
            # TYPE altogw_dhcp_messages_total counter
            altogw_dhcp_messages_total{interface="eth1",type="discover"} 5
            altogw_dhcp_messages_total{interface="eth1",type="inform"} 1

            """.ReplaceLineEndings("\n"),
            _exporter.Scrape());
    }

    [Fact]
    public void Gauges_report_the_last_observation_and_up_down_counters_their_sum()
    {
        var leases = 10;
        _meter.CreateObservableGauge("altogw.dhcp.leases", () => leases);
        var inFlight = _meter.CreateUpDownCounter<int>("altogw.proxy.in_flight");
        inFlight.Add(3);
        inFlight.Add(-1);

        _ = _exporter.Scrape();
        leases = 12;
        var text = _exporter.Scrape();

        Assert.Contains("\naltogw_dhcp_leases 12\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE altogw_proxy_in_flight gauge\naltogw_proxy_in_flight 2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_histogram_has_cumulative_buckets_sum_and_count()
    {
        var latency = _meter.CreateHistogram<double>("altogw.proxy.upstream.seconds");
        latency.Record(0.003);
        latency.Record(0.2);
        latency.Record(30);

        var text = _exporter.Scrape();

        Assert.Contains("altogw_proxy_upstream_seconds_bucket{le=\"0.0025\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("altogw_proxy_upstream_seconds_bucket{le=\"0.005\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("altogw_proxy_upstream_seconds_bucket{le=\"0.25\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("altogw_proxy_upstream_seconds_bucket{le=\"10\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("altogw_proxy_upstream_seconds_bucket{le=\"+Inf\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("altogw_proxy_upstream_seconds_sum 30.203\n", text, StringComparison.Ordinal);
        Assert.Contains("altogw_proxy_upstream_seconds_count 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_values_are_escaped()
    {
        _meter.CreateCounter<long>("altogw.errors").Add(1, new KeyValuePair<string, object?>("reason", "bad \"quote\" \\ and\nnewline"));

        Assert.Contains("altogw_errors_total{reason=\"bad \\\"quote\\\" \\\\ and\\nnewline\"} 1\n", _exporter.Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public void Meters_of_another_factory_are_not_exported()
    {
        using var other = new ServiceCollection().AddMetrics().BuildServiceProvider();
        other.GetRequiredService<IMeterFactory>().Create("AltoGateway.Other").CreateCounter<long>("altogw.foreign").Add(1);
        using var global = new Meter("AltoGateway.Global");
        global.CreateCounter<long>("altogw.global").Add(1);

        Assert.Equal(string.Empty, _exporter.Scrape());
    }

    [Fact]
    public async Task Promtool_accepts_the_output()
    {
        _meter.CreateCounter<long>("altogw.http.requests", description: "HTTP requests").Add(1, new KeyValuePair<string, object?>("code", 200));
        _meter.CreateObservableGauge("altogw.uptime.seconds", () => 1.5, description: "Uptime");
        _meter.CreateHistogram<double>("altogw.latency.seconds", description: "Latency").Record(0.01);

        await PrometheusText.CheckWithPromtoolAsync(_exporter.Scrape());
    }
}

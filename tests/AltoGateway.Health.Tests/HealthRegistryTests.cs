using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Health.Tests;

public class HealthRegistryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_new_component_starts_in_starting_with_the_registration_time()
    {
        var registry = new HealthRegistry(_time);
        registry.Register("dhcp");

        var component = Assert.Single(registry.Snapshot());
        Assert.Equal(new ComponentHealth("dhcp", HealthState.Starting, null, _time.GetUtcNow()), component);
    }

    [Fact]
    public void Overall_is_starting_before_anything_registers()
    {
        Assert.Equal(HealthState.Starting, new HealthRegistry(_time).Overall);
    }

    [Theory]
    [InlineData(HealthState.Ready, HealthState.Ready, HealthState.Ready)]
    [InlineData(HealthState.Ready, HealthState.Starting, HealthState.Starting)]
    [InlineData(HealthState.Starting, HealthState.Degraded, HealthState.Degraded)]
    [InlineData(HealthState.Degraded, HealthState.Failed, HealthState.Failed)]
    [InlineData(HealthState.Failed, HealthState.Ready, HealthState.Failed)]
    public void Overall_is_the_worst_component(HealthState a, HealthState b, HealthState expected)
    {
        var registry = new HealthRegistry(_time);
        Report(registry.Register("a"), a);
        Report(registry.Register("b"), b);

        Assert.Equal(expected, registry.Overall);
    }

    [Fact]
    public void A_change_records_reason_and_time_and_raises_one_event()
    {
        var registry = new HealthRegistry(_time);
        var upstream = registry.Register("upstream");
        var events = new List<ComponentHealth>();
        registry.Changed += (_, e) => events.Add(e);

        _time.Advance(TimeSpan.FromSeconds(30));
        upstream.ReportDegraded("alto.example.net: timeout after 2 s");
        upstream.ReportDegraded("alto.example.net: timeout after 2 s");

        var expected = new ComponentHealth("upstream", HealthState.Degraded, "alto.example.net: timeout after 2 s", _time.GetUtcNow());
        Assert.Equal([expected], events);
        Assert.Equal(expected, registry.Snapshot().Single());
    }

    [Fact]
    public void A_new_reason_in_the_same_state_is_a_change()
    {
        var registry = new HealthRegistry(_time);
        var feed = registry.Register("conntrack");
        var reasons = new List<string?>();
        registry.Changed += (_, e) => reasons.Add(e.Reason);

        feed.ReportFailed("no CAP_NET_ADMIN");
        feed.ReportFailed("kernel has no nf_conntrack");
        feed.ReportReady();

        Assert.Equal(["no CAP_NET_ADMIN", "kernel has no nf_conntrack", null], reasons);
    }

    [Fact]
    public void Registering_a_name_twice_is_caller_misuse()
    {
        var registry = new HealthRegistry(_time);
        registry.Register("http");

        var error = Assert.Throws<InvalidOperationException>(() => registry.Register("http"));
        Assert.Contains("'http'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Degraded_and_failed_need_a_reason()
    {
        var reporter = new HealthRegistry(_time).Register("x");

        Assert.Throws<ArgumentException>(() => reporter.ReportDegraded(" "));
        Assert.Throws<ArgumentException>(() => reporter.ReportFailed(""));
    }

    [Fact]
    public void Snapshot_is_ordered_by_name()
    {
        var registry = new HealthRegistry(_time);
        registry.Register("upstream");
        registry.Register("dhcp");
        registry.Register("http");

        Assert.Equal(["dhcp", "http", "upstream"], registry.Snapshot().Select(c => c.Component));
    }

    [Fact]
    public void Concurrent_reports_from_many_threads_leave_a_consistent_table()
    {
        var registry = new HealthRegistry(_time);
        var reporters = Enumerable.Range(0, 8).Select(i => registry.Register($"c{i}")).ToArray();

        Parallel.For(0, 8000, i =>
        {
            var reporter = reporters[i % reporters.Length];
            if (i % 3 == 0)
            {
                reporter.ReportDegraded($"reason {i}");
            }
            else
            {
                reporter.ReportReady();
            }
        });
        foreach (var reporter in reporters)
        {
            reporter.ReportReady();
        }

        Assert.Equal(8, registry.Snapshot().Count);
        Assert.Equal(HealthState.Ready, registry.Overall);
    }

    private static void Report(HealthReporter reporter, HealthState state)
    {
        switch (state)
        {
            case HealthState.Ready: reporter.ReportReady(); break;
            case HealthState.Starting: reporter.ReportStarting(); break;
            case HealthState.Degraded: reporter.ReportDegraded("test"); break;
            case HealthState.Failed: reporter.ReportFailed("test"); break;
        }
    }
}

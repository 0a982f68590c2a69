using AltoGateway.Proxy.Upstreams;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Proxy.Tests.Upstreams;

public class CircuitBreakerTests
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(NatFixture.Noon);
    private readonly List<(CircuitState From, CircuitState To)> _changes = [];
    private readonly CircuitBreaker _breaker;

    public CircuitBreakerTests()
    {
        _breaker = new CircuitBreaker(failuresToOpen: 3, Break, _time);
        _breaker.StateChanged += (from, to) => _changes.Add((from, to));
    }

    [Fact]
    public void A_new_breaker_is_closed_and_lets_every_request_through()
    {
        Assert.Equal(CircuitState.Closed, _breaker.State);
        Assert.Null(_breaker.OpenUntil);
        Assert.All(Enumerable.Range(0, 10), _ => Assert.True(_breaker.TryAcquire()));
    }

    [Fact]
    public void It_opens_after_the_configured_failures_in_a_row_and_not_before()
    {
        _breaker.RecordFailure();
        _breaker.RecordFailure();
        Assert.Equal(CircuitState.Closed, _breaker.State);
        Assert.Empty(_changes);

        _breaker.RecordFailure();

        Assert.Equal(CircuitState.Open, _breaker.State);
        Assert.Equal(NatFixture.Noon + Break, _breaker.OpenUntil);
        Assert.False(_breaker.TryAcquire());
        Assert.Equal([(CircuitState.Closed, CircuitState.Open)], _changes);
    }

    [Fact]
    public void A_success_resets_the_count_of_failures_in_a_row()
    {
        _breaker.RecordFailure();
        _breaker.RecordFailure();
        _breaker.RecordSuccess();
        _breaker.RecordFailure();
        _breaker.RecordFailure();

        Assert.Equal(CircuitState.Closed, _breaker.State);
        Assert.Empty(_changes);
    }

    [Fact]
    public void It_stays_open_for_the_whole_break_then_lets_one_trial_through()
    {
        Open();

        _time.Advance(Break - TimeSpan.FromTicks(1));
        Assert.Equal(CircuitState.Open, _breaker.State);
        Assert.False(_breaker.TryAcquire());

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(CircuitState.HalfOpen, _breaker.State);
        Assert.Null(_breaker.OpenUntil);
        Assert.True(_breaker.TryAcquire());
        Assert.False(_breaker.TryAcquire());
        Assert.False(_breaker.TryAcquire());
    }

    [Fact]
    public void Half_open_lets_exactly_one_of_many_concurrent_callers_through()
    {
        Open();
        _time.Advance(Break);
        using var start = new Barrier(16);

        var callers = Enumerable.Range(0, 16)
            .Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return _breaker.TryAcquire();
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        var acquired = callers.Count(t => t.GetAwaiter().GetResult());

        Assert.Equal(1, acquired);
    }

    [Fact]
    public void A_successful_trial_closes_the_circuit()
    {
        Open();
        _time.Advance(Break);
        Assert.True(_breaker.TryAcquire());

        _breaker.RecordSuccess();

        Assert.Equal(CircuitState.Closed, _breaker.State);
        Assert.True(_breaker.TryAcquire());
        Assert.True(_breaker.TryAcquire());
        Assert.Equal([(CircuitState.Closed, CircuitState.Open), (CircuitState.HalfOpen, CircuitState.Closed)], _changes);

        // Closed again means three more failures in a row before it opens.
        _breaker.RecordFailure();
        _breaker.RecordFailure();
        Assert.Equal(CircuitState.Closed, _breaker.State);
    }

    [Fact]
    public void A_failed_trial_reopens_the_circuit_for_a_whole_break_at_once()
    {
        Open();
        _time.Advance(Break + TimeSpan.FromSeconds(5));
        Assert.True(_breaker.TryAcquire());

        _breaker.RecordFailure(); // one failure, although three open a closed circuit

        Assert.Equal(CircuitState.Open, _breaker.State);
        Assert.Equal(NatFixture.Noon + Break + TimeSpan.FromSeconds(5) + Break, _breaker.OpenUntil);
        Assert.False(_breaker.TryAcquire());
        Assert.Equal([(CircuitState.Closed, CircuitState.Open), (CircuitState.HalfOpen, CircuitState.Open)], _changes);

        _time.Advance(Break);
        Assert.True(_breaker.TryAcquire());
    }

    [Fact]
    public void An_abandoned_trial_frees_the_slot_without_changing_the_state()
    {
        Open();
        _time.Advance(Break);
        Assert.True(_breaker.TryAcquire());
        Assert.False(_breaker.TryAcquire());

        _breaker.RecordAbandoned();

        Assert.Equal(CircuitState.HalfOpen, _breaker.State);
        Assert.True(_breaker.TryAcquire());
        Assert.Equal([(CircuitState.Closed, CircuitState.Open)], _changes);
    }

    [Fact]
    public void Abandoning_a_request_of_a_closed_circuit_changes_nothing()
    {
        _breaker.RecordFailure();
        _breaker.RecordFailure();
        _breaker.RecordAbandoned();
        Assert.Equal(CircuitState.Closed, _breaker.State);

        _breaker.RecordFailure(); // still the third in a row
        Assert.Equal(CircuitState.Open, _breaker.State);
    }

    [Fact]
    public void State_changed_handlers_run_outside_the_lock()
    {
        // Another thread reads the state from inside the handler: under the lock it would block.
        var seen = new List<bool>();
        _breaker.StateChanged += (_, _) => seen.Add(Task.Run(() => _breaker.State).Wait(TimeSpan.FromSeconds(30)));

        Open();

        Assert.Equal([true], seen);
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(-1, 30)]
    [InlineData(1, 0)]
    [InlineData(1, -1)]
    public void Nonsense_settings_are_refused(int failuresToOpen, int breakSeconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CircuitBreaker(failuresToOpen, TimeSpan.FromSeconds(breakSeconds), _time));
    }

    private void Open()
    {
        _breaker.RecordFailure();
        _breaker.RecordFailure();
        _breaker.RecordFailure();
        Assert.Equal(CircuitState.Open, _breaker.State);
    }
}

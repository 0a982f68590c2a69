using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy.Tests.Upstreams;

public class UpstreamChainTests
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(30);
    private static readonly AltoError Unsupported = AltoError.InvalidFieldValue("cost-type");

    private static readonly EndpointCostRequest Request = new()
    {
        CostType = new CostType(CostMode.Numerical, CostMetric.RoutingCost),
        Endpoints = new EndpointFilter { Srcs = ["ipv4:192.0.2.2"], Dsts = ["ipv4:192.0.2.89"] },
    };

    private readonly DelayRecordingClock _time = new();
    private readonly RecordingObserver _observer = new();
    private readonly ScriptedUpstream _a = new("a");
    private readonly ScriptedUpstream _b = new("b");
    private readonly ScriptedUpstream _c = new("c");

    [Fact]
    public async Task The_first_answer_wins_and_later_upstreams_are_not_asked()
    {
        _a.Answers(tolerated: ["content-type: application/json"]);
        var breaker = Breaker();

        var result = await Send(Chain(0, (_a, breaker), (_b, null)));

        Assert.True(result.IsSuccess);
        Assert.Same(ScriptedUpstream.Response, result.Value);
        Assert.Equal("a", result.Upstream);
        Assert.Equal(["content-type: application/json"], result.Tolerated);
        Assert.Null(result.Failure);
        Assert.Equal(0, _b.Calls);
        Assert.Equal(["a: answer after 0 ms"], _observer.Events);
    }

    [Fact]
    public async Task A_failing_upstream_is_passed_over_for_the_next_and_its_failure_counted()
    {
        _a.Fails(UpstreamFailureKind.Unreachable);
        _b.Answers();
        var breaker = Breaker(failuresToOpen: 1);

        var result = await Send(Chain(0, (_a, breaker), (_b, Breaker())));

        Assert.Equal("b", result.Upstream);
        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal(["a: Unreachable after 0 ms", "b: answer after 0 ms"], _observer.Events);
    }

    [Fact]
    public async Task Retryable_failures_are_retried_after_a_doubling_pause_on_the_clock()
    {
        _a.Fails(UpstreamFailureKind.Timeout).Fails(UpstreamFailureKind.Unreachable).Fails(UpstreamFailureKind.BadAnswer).Answers();
        var breaker = Breaker(failuresToOpen: 1);
        var chain = Chain(3, (_a, breaker));

        var sending = Send(chain);
        await _a.WhenCalled(1);
        Assert.Equal([TimeSpan.FromSeconds(1)], _time.Delays);

        _time.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1));
        Assert.Equal(1, _a.Calls);
        _time.Advance(TimeSpan.FromTicks(1));
        await _a.WhenCalled(2);
        _time.Advance(TimeSpan.FromSeconds(2));
        await _a.WhenCalled(3);
        _time.Advance(TimeSpan.FromSeconds(4));
        var result = await sending;

        Assert.True(result.IsSuccess);
        Assert.Equal(4, _a.Calls);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _time.Delays);
        Assert.Equal(CircuitState.Closed, breaker.State); // a request that ends in an answer is no failure
    }

    [Fact]
    public async Task Retries_stop_at_the_limit_and_count_once_against_the_circuit()
    {
        _a.Fails(UpstreamFailureKind.Timeout).Fails(UpstreamFailureKind.Timeout);
        _b.Answers();
        var breaker = Breaker(failuresToOpen: 2);
        var chain = Chain(1, (_a, breaker), (_b, null));

        var sending = Send(chain);
        await _a.WhenCalled(1);
        _time.Advance(TimeSpan.FromSeconds(1));
        var result = await sending;

        Assert.Equal("b", result.Upstream);
        Assert.Equal(2, _a.Calls);
        Assert.Equal([TimeSpan.FromSeconds(1)], _time.Delays);
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Theory]
    [InlineData(UpstreamFailureKind.Busy)]
    [InlineData(UpstreamFailureKind.Unsupported)]
    [InlineData(UpstreamFailureKind.Refused)]
    public async Task Failures_that_another_attempt_would_not_mend_are_not_retried(UpstreamFailureKind kind)
    {
        _a.Fails(kind);
        _b.Answers();

        await Send(Chain(3, (_a, Breaker()), (_b, null)));

        Assert.Equal(1, _a.Calls);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task Busy_moves_on_to_the_next_upstream_and_counts_against_the_circuit()
    {
        _a.Fails(UpstreamFailureKind.Busy, TimeSpan.FromSeconds(5));
        _b.Answers();
        var breaker = Breaker(failuresToOpen: 1);

        var result = await Send(Chain(3, (_a, breaker), (_b, null)));

        Assert.Equal("b", result.Upstream);
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public async Task Unsupported_skips_to_the_next_upstream_without_touching_the_circuit()
    {
        _a.Fails(UpstreamFailureKind.Unsupported);
        _b.Answers();
        var breaker = Breaker(failuresToOpen: 1);
        var changes = 0;
        breaker.StateChanged += (_, _) => changes++;

        var result = await Send(Chain(0, (_a, breaker), (_b, null)));

        Assert.Equal("b", result.Upstream);
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(0, changes);
    }

    [Fact]
    public async Task Unsupported_in_a_half_open_trial_frees_the_trial_and_leaves_the_circuit_half_open()
    {
        _a.Fails(UpstreamFailureKind.Unsupported);
        _b.Answers();
        var breaker = HalfOpenBreaker();

        await Send(Chain(0, (_a, breaker), (_b, null)));

        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.True(breaker.TryAcquire());
    }

    [Fact]
    public async Task When_every_upstream_lacks_the_resource_the_trackers_error_is_400()
    {
        _a.Fails(UpstreamFailureKind.Unsupported);
        _b.Fails(UpstreamFailureKind.Unsupported);

        var result = await Send(Chain(0, (_a, null), (_b, null)));

        Assert.Equal(new ProxyFailure(400, Unsupported), result.Failure);
    }

    [Fact]
    public async Task Refused_returns_400_with_the_upstreams_error_and_asks_nobody_else()
    {
        var error = AltoError.FromServer("E_INVALID_FIELD_VALUE", "constraints", "about 3", null);
        _a.Fails(UpstreamFailureKind.Refused, serverError: error, tolerated: ["status: 422"]);
        var breaker = HalfOpenBreaker();

        var result = await Send(Chain(0, (_a, breaker), (_b, null)));

        Assert.False(result.IsSuccess);
        Assert.Equal(new ProxyFailure(400, error), result.Failure);
        Assert.Equal("a", result.Upstream);
        Assert.Equal(["status: 422"], result.Tolerated);
        Assert.Equal(0, _b.Calls);
        Assert.Equal(CircuitState.Closed, breaker.State); // it answered, and sensibly
    }

    [Fact]
    public async Task Refused_without_an_error_body_returns_the_trackers_error()
    {
        _a.Fails(UpstreamFailureKind.Refused);

        var result = await Send(Chain(0, (_a, null), (_b, null)));

        Assert.Equal(new ProxyFailure(400, Unsupported), result.Failure);
    }

    [Fact]
    public async Task An_open_circuit_is_skipped_and_the_observer_told()
    {
        _b.Answers();
        var open = Breaker(failuresToOpen: 1);
        open.RecordFailure();

        var result = await Send(Chain(0, (_a, open), (_b, null)));

        Assert.Equal("b", result.Upstream);
        Assert.Equal(0, _a.Calls);
        Assert.Equal(["a: skipped (open)", "b: answer after 0 ms"], _observer.Events);
    }

    [Fact]
    public async Task A_half_open_trial_is_not_retried_and_its_failure_reopens_the_circuit()
    {
        _a.Fails(UpstreamFailureKind.Timeout);
        _b.Answers();
        var breaker = HalfOpenBreaker();

        var result = await Send(Chain(3, (_a, breaker), (_b, null)));

        Assert.Equal("b", result.Upstream);
        Assert.Equal(1, _a.Calls);
        Assert.Empty(_time.Delays);
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public async Task When_every_upstream_times_out_the_answer_is_504()
    {
        _a.Fails(UpstreamFailureKind.Timeout);
        _b.Fails(UpstreamFailureKind.Timeout);

        var result = await Send(Chain(0, (_a, null), (_b, null)));

        Assert.Equal(new ProxyFailure(504, AltoError.Syntax("no upstream ALTO server answered in time: a: timeout; b: timeout")), result.Failure);
        Assert.Equal("b", result.Upstream);
        Assert.Empty(result.Tolerated);
    }

    [Fact]
    public async Task Mixed_failures_are_502_naming_every_upstream_that_failed()
    {
        _a.Fails(UpstreamFailureKind.Timeout);
        _b.Fails(UpstreamFailureKind.Busy, TimeSpan.FromSeconds(3));
        _c.Fails(UpstreamFailureKind.BadAnswer);
        _c.Fails(UpstreamFailureKind.BadAnswer);

        var sending = Send(Chain(1, (_a, HalfOpenBreaker()), (_b, null), (_c, null)));
        await _c.WhenCalled(1);
        _time.Advance(TimeSpan.FromSeconds(1));
        var result = await sending;

        Assert.Equal(
            new ProxyFailure(502, AltoError.Syntax("no upstream ALTO server gave a usable answer: a: timeout; b: busy; c: badanswer")),
            result.Failure);
        Assert.Equal("c", result.Upstream);
    }

    [Fact]
    public async Task When_every_circuit_is_open_the_answer_is_503_until_the_earliest_reopening()
    {
        var a = Breaker(failuresToOpen: 1);
        a.RecordFailure(); // open until noon + 30 s
        _time.Advance(TimeSpan.FromSeconds(5));
        var b = Breaker(failuresToOpen: 1, TimeSpan.FromSeconds(60));
        b.RecordFailure(); // open until noon + 65 s
        _time.Advance(TimeSpan.FromSeconds(10.5));

        var result = await Send(Chain(0, (_a, a), (_b, b)));

        Assert.Equal(
            new ProxyFailure(503, AltoError.Syntax("every upstream ALTO server is failing and not being asked for now; retry after 15 s"), TimeSpan.FromSeconds(15)),
            result.Failure);
        Assert.Equal("none", result.Upstream);
        Assert.Equal(["a: skipped (open)", "b: skipped (open)"], _observer.Events);
    }

    [Fact]
    public async Task Retry_after_an_open_circuit_is_at_least_one_second()
    {
        var a = Breaker(failuresToOpen: 1);
        a.RecordFailure();
        _time.Advance(Break - TimeSpan.FromMilliseconds(1));

        var result = await Send(Chain(0, (_a, a)));

        Assert.Equal(TimeSpan.FromSeconds(1), result.Failure!.RetryAfter);
        Assert.Equal(503, result.Failure.Status);
    }

    [Fact]
    public async Task While_the_only_upstreams_half_open_trial_is_in_flight_other_requests_are_told_to_come_back()
    {
        var gate = new TaskCompletionSource<UpstreamAnswer<EndpointCostResponse>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _a.Then(_ => gate.Task);
        var chain = Chain(0, (_a, HalfOpenBreaker()));

        var trial = Send(chain);
        await _a.WhenCalled(1);
        var other = await Send(chain);
        gate.SetResult(new UpstreamAnswer<EndpointCostResponse>(ScriptedUpstream.Response));

        Assert.True((await trial).IsSuccess);
        Assert.Equal(["a: skipped (open)", "a: answer after 0 ms"], _observer.Events);
        Assert.Equal(503, other.Failure!.Status); // not 502 "no upstream ALTO server is configured"
        Assert.NotNull(other.Failure.RetryAfter);
    }

    [Fact]
    public async Task When_every_upstream_is_busy_the_answer_is_503_with_the_smallest_retry_after()
    {
        _a.Fails(UpstreamFailureKind.Busy, TimeSpan.FromSeconds(4));
        _b.Fails(UpstreamFailureKind.Busy, TimeSpan.FromSeconds(2.5));

        var result = await Send(Chain(0, (_a, null), (_b, null)));

        Assert.Equal(new ProxyFailure(503, AltoError.Syntax("every upstream ALTO server is busy: a: busy; b: busy"), TimeSpan.FromSeconds(3)), result.Failure);
    }

    [Fact]
    public async Task A_busy_upstream_without_retry_after_counts_as_one_second()
    {
        _a.Fails(UpstreamFailureKind.Busy, TimeSpan.FromSeconds(10));
        _b.Fails(UpstreamFailureKind.Busy);

        var result = await Send(Chain(0, (_a, null), (_b, null)));

        Assert.Equal(TimeSpan.FromSeconds(1), result.Failure!.RetryAfter);
    }

    [Fact]
    public async Task Without_upstreams_the_answer_is_502()
    {
        var result = await Send(Chain(2));

        Assert.Equal(new ProxyFailure(502, AltoError.Syntax("no upstream ALTO server is configured")), result.Failure);
        Assert.Equal("none", result.Upstream);
        Assert.Empty(_observer.Events);
    }

    [Fact]
    public async Task The_callers_cancellation_propagates_and_abandons_a_half_open_trial()
    {
        var never = new TaskCompletionSource<UpstreamAnswer<EndpointCostResponse>>();
        _a.Then(ct => never.Task.WaitAsync(ct));
        var breaker = HalfOpenBreaker();

        await CancelledAfterTheFirstCall(Chain(3, (_a, breaker), (_b, null)));

        Assert.Equal(0, _b.Calls);
        Assert.Empty(_observer.Events);
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.True(breaker.TryAcquire()); // the trial slot is free again
    }

    [Fact]
    public async Task Cancellation_during_a_retry_pause_propagates_without_counting_a_failure()
    {
        _a.Fails(UpstreamFailureKind.Timeout);
        var breaker = Breaker(failuresToOpen: 1);

        await CancelledAfterTheFirstCall(Chain(2, (_a, breaker), (_b, null)));

        Assert.Equal(1, _a.Calls);
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public async Task The_observer_is_told_how_long_each_attempt_took_on_the_clock()
    {
        _a.Then(_ =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            return Task.FromResult(new UpstreamAnswer<EndpointCostResponse>(new UpstreamFailure(UpstreamFailureKind.Timeout, "timeout")));
        });
        _b.Then(_ =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(40));
            return Task.FromResult(new UpstreamAnswer<EndpointCostResponse>(ScriptedUpstream.Response));
        });

        await Send(Chain(0, (_a, null), (_b, null)));

        Assert.Equal(["a: Timeout after 250 ms", "b: answer after 40 ms"], _observer.Events);
    }

    private CircuitBreaker Breaker(int failuresToOpen = 3, TimeSpan? breakDuration = null) => new(failuresToOpen, breakDuration ?? Break, _time);

    private CircuitBreaker HalfOpenBreaker()
    {
        var breaker = Breaker(failuresToOpen: 1);
        breaker.RecordFailure();
        _time.Advance(Break);
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        return breaker;
    }

    private UpstreamChain Chain(int retries, params (ScriptedUpstream Upstream, CircuitBreaker? Breaker)[] upstreams) =>
        new([.. upstreams.Select(u => new GuardedUpstream(u.Upstream, u.Breaker))], retries, TimeSpan.FromSeconds(1), _time, _observer);

    private static Task<ChainResult<EndpointCostResponse>> Send(UpstreamChain chain) => SendCancellable(chain, TestContext.Current.CancellationToken);

    private static Task<ChainResult<EndpointCostResponse>> SendCancellable(UpstreamChain chain, CancellationToken cancellationToken) =>
        chain.SendAsync((upstream, ct) => upstream.EndpointCostAsync(Request, ct), Unsupported, cancellationToken);

    /// <summary>Sends, cancels once upstream "a" has the request, and expects the cancellation to come out.</summary>
    private async Task CancelledAfterTheFirstCall(UpstreamChain chain)
    {
        using var cancel = new CancellationTokenSource();
        var sending = SendCancellable(chain, cancel.Token);
        await _a.WhenCalled(1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }
}

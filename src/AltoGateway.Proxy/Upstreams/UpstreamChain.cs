using System.Globalization;
using AltoGateway.Alto.Errors;

namespace AltoGateway.Proxy.Upstreams;

/// <summary>
/// Asks the upstreams in order (the configured ones, then the built-in server when it is a
/// fallback) until one answers: an upstream whose circuit is open is skipped; a retryable failure
/// is retried up to <see cref="Retries"/> times with a growing pause; a failure that counts against
/// the upstream is recorded in its circuit. The first answer wins. When none answers the result is
/// a <see cref="ProxyFailure"/> whose status says why (see there).
/// </summary>
public sealed class UpstreamChain
{
    private readonly IReadOnlyList<GuardedUpstream> _upstreams;
    private readonly TimeProvider _time;
    private readonly IUpstreamObserver? _observer;

    public UpstreamChain(IReadOnlyList<GuardedUpstream> upstreams, int retries, TimeSpan retryDelay, TimeProvider time, IUpstreamObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(upstreams);
        ArgumentOutOfRangeException.ThrowIfNegative(retries);
        ArgumentNullException.ThrowIfNull(time);
        _upstreams = upstreams;
        Retries = retries;
        RetryDelay = retryDelay;
        _time = time;
        _observer = observer;
    }

    /// <summary>Extra attempts per upstream after a retryable failure.</summary>
    public int Retries { get; }

    /// <summary>The pause before the first retry; doubled for each further one.</summary>
    public TimeSpan RetryDelay { get; }

    /// <summary>The upstreams in the order they are asked.</summary>
    public IReadOnlyList<GuardedUpstream> Upstreams => _upstreams;

    /// <summary>
    /// Sends one request through the chain. <paramref name="unsupported"/> is the tracker's error
    /// when no upstream offers what it asked for (e.g. E_INVALID_FIELD_VALUE on "cost-type").
    /// </summary>
    public async Task<ChainResult<T>> SendAsync<T>(
        Func<IAltoUpstream, CancellationToken, Task<UpstreamAnswer<T>>> call,
        AltoError unsupported,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(unsupported);
        var failures = new List<(string Upstream, UpstreamFailure Failure)>();
        DateTimeOffset? reopens = null;
        var unsupportedCount = 0;
        foreach (var (upstream, breaker) in _upstreams)
        {
            if (breaker is not null && !breaker.TryAcquire())
            {
                _observer?.SkippedOpenCircuit(upstream.Name);
                // Open: until its break ends. Half-open with a trial in flight: the trial decides very soon.
                reopens = Earliest(reopens, breaker.OpenUntil ?? _time.GetUtcNow());
                continue;
            }

            var trial = breaker?.State == CircuitState.HalfOpen;
            for (var attempt = 0; ; attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(RetryDelay * (1 << (attempt - 1)), _time, cancellationToken).ConfigureAwait(false);
                }

                var answer = await AttemptAsync(call, upstream, breaker, cancellationToken).ConfigureAwait(false);
                if (answer.IsSuccess)
                {
                    breaker?.RecordSuccess();
                    return new ChainResult<T>(answer.Value, upstream.Name, answer.Tolerated, null);
                }

                var failure = answer.Failure;
                if (failure.Kind == UpstreamFailureKind.Refused)
                {
                    breaker?.RecordSuccess(); // it answered, and sensibly
                    return Failed<T>(upstream.Name, answer.Tolerated, new ProxyFailure(400, failure.ServerError ?? unsupported));
                }

                if (failure.Kind == UpstreamFailureKind.Unsupported)
                {
                    breaker?.RecordAbandoned();
                    unsupportedCount++;
                    break;
                }

                if (!failure.IsRetryable || attempt >= Retries || trial)
                {
                    breaker?.RecordFailure();
                    failures.Add((upstream.Name, failure));
                    break;
                }
            }
        }

        return Failed<T>(failures.Count > 0 ? failures[^1].Upstream : UpstreamNames.None, [], Conclude(failures, reopens, unsupportedCount, unsupported));
    }

    private async Task<UpstreamAnswer<T>> AttemptAsync<T>(
        Func<IAltoUpstream, CancellationToken, Task<UpstreamAnswer<T>>> call,
        IAltoUpstream upstream,
        CircuitBreaker? breaker,
        CancellationToken cancellationToken)
        where T : class
    {
        var started = _time.GetTimestamp();
        UpstreamAnswer<T> answer;
        try
        {
            answer = await call(upstream, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            breaker?.RecordAbandoned();
            throw;
        }

        _observer?.Attempted(upstream.Name, answer.Failure, _time.GetElapsedTime(started));
        return answer;
    }

    private ProxyFailure Conclude(List<(string Upstream, UpstreamFailure Failure)> failures, DateTimeOffset? reopens, int unsupportedCount, AltoError unsupported)
    {
        if (failures.Count == 0)
        {
            if (reopens is { } until)
            {
                var wait = until - _time.GetUtcNow();
                return new ProxyFailure(503, AltoError.Syntax(
                    $"every upstream ALTO server is failing and not being asked for now; retry after {Seconds(wait)} s"), Ceiling(wait));
            }

            return unsupportedCount > 0
                ? new ProxyFailure(400, unsupported)
                : new ProxyFailure(502, AltoError.Syntax("no upstream ALTO server is configured"));
        }

        var summary = string.Join("; ", failures.Select(f => f.Upstream + ": " + f.Failure.Message));
        if (failures.All(f => f.Failure.Kind == UpstreamFailureKind.Timeout))
        {
            return new ProxyFailure(504, AltoError.Syntax("no upstream ALTO server answered in time: " + summary));
        }

        if (failures.All(f => f.Failure.Kind == UpstreamFailureKind.Busy))
        {
            var retryAfter = failures.Min(f => f.Failure.RetryAfter ?? TimeSpan.FromSeconds(1));
            return new ProxyFailure(503, AltoError.Syntax("every upstream ALTO server is busy: " + summary), Ceiling(retryAfter));
        }

        return new ProxyFailure(502, AltoError.Syntax("no upstream ALTO server gave a usable answer: " + summary));
    }

    private static ChainResult<T> Failed<T>(string upstream, IReadOnlyList<string> tolerated, ProxyFailure failure)
        where T : class => new(null, upstream, tolerated, failure);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>Whole seconds, at least 1 (Retry-After, RFC 9110 §10.2.3, counts whole seconds).</summary>
    private static TimeSpan Ceiling(TimeSpan wait) => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));

    private static string Seconds(TimeSpan wait) => Ceiling(wait).TotalSeconds.ToString(CultureInfo.InvariantCulture);
}

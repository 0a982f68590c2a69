namespace AltoGateway.Proxy.Upstreams;

/// <summary>
/// A circuit breaker on <see cref="TimeProvider"/>: after <c>failuresToOpen</c> failures in a row the
/// upstream is skipped for <c>breakDuration</c>; then one trial request decides (half-open). Thread-safe.
/// </summary>
public sealed class CircuitBreaker
{
    private readonly Lock _lock = new();
    private readonly int _failuresToOpen;
    private readonly TimeSpan _breakDuration;
    private readonly TimeProvider _time;
    private int _failures;
    private DateTimeOffset _openUntil;
    private bool _open;
    private bool _trialInFlight;

    public CircuitBreaker(int failuresToOpen, TimeSpan breakDuration, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failuresToOpen, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(breakDuration, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _failuresToOpen = failuresToOpen;
        _breakDuration = breakDuration;
        _time = time;
    }

    /// <summary>Raised (outside the lock) when the state changes: old, new.</summary>
    public event Action<CircuitState, CircuitState>? StateChanged;

    /// <summary>The state now.</summary>
    public CircuitState State
    {
        get
        {
            lock (_lock)
            {
                return StateLocked();
            }
        }
    }

    /// <summary>When an open circuit lets a trial through; null when not open.</summary>
    public DateTimeOffset? OpenUntil
    {
        get
        {
            lock (_lock)
            {
                return StateLocked() == CircuitState.Open ? _openUntil : null;
            }
        }
    }

    /// <summary>
    /// Whether a request may go to the upstream now: always when closed, never when open, and only
    /// the first caller when half-open (it must report its outcome).
    /// </summary>
    public bool TryAcquire()
    {
        lock (_lock)
        {
            switch (StateLocked())
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.HalfOpen when !_trialInFlight:
                    _trialInFlight = true;
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>The upstream answered: the circuit closes.</summary>
    public void RecordSuccess() => Transition(() =>
    {
        _failures = 0;
        _open = false;
        _trialInFlight = false;
    });

    /// <summary>The upstream failed: after enough failures in a row (or a failed trial) the circuit opens.</summary>
    public void RecordFailure() => Transition(() =>
    {
        _failures++;
        if (_trialInFlight || _failures >= _failuresToOpen)
        {
            _open = true;
            _openUntil = _time.GetUtcNow() + _breakDuration;
        }

        _trialInFlight = false;
    });

    /// <summary>A request let through ended without telling anything about the upstream (cancelled by the caller).</summary>
    public void RecordAbandoned() => Transition(() => _trialInFlight = false);

    private void Transition(Action change)
    {
        CircuitState before, after;
        lock (_lock)
        {
            before = StateLocked();
            change();
            after = StateLocked();
        }

        if (before != after)
        {
            StateChanged?.Invoke(before, after);
        }
    }

    private CircuitState StateLocked() =>
        !_open ? CircuitState.Closed
        : _time.GetUtcNow() < _openUntil ? CircuitState.Open
        : CircuitState.HalfOpen;
}

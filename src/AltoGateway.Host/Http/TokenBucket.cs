namespace AltoGateway.Host.Http;

/// <summary>
/// A token bucket: holds up to <see cref="Burst"/> tokens, gains <see cref="RequestsPerSecond"/>
/// tokens a second, and each request takes one. Time comes in as seconds of a
/// <see cref="SecondsClock"/>, so a fake clock drives it in tests. Not thread-safe.
/// </summary>
internal sealed class TokenBucket
{
    private double _tokens;
    private double _updated;

    /// <summary>A full bucket, as for a client never seen before.</summary>
    public TokenBucket(double requestsPerSecond, int burst, double now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        RequestsPerSecond = requestsPerSecond;
        Burst = burst;
        _tokens = burst;
        _updated = now;
    }

    public double RequestsPerSecond { get; }

    public int Burst { get; }

    /// <summary>Takes a token, or tells how many seconds pass until one is there.</summary>
    public bool TryTake(double now, out double wait)
    {
        Refill(now);
        if (_tokens >= 1)
        {
            _tokens -= 1;
            wait = 0;
            return true;
        }

        wait = (1 - _tokens) / RequestsPerSecond;
        return false;
    }

    /// <summary>Seconds until the bucket is full; 0 when it is, and then the client is as good as new.</summary>
    public double UntilFull(double now)
    {
        Refill(now);
        return (Burst - _tokens) / RequestsPerSecond;
    }

    /// <summary>
    /// A Retry-After value (RFC 9110 §10.2.3, delay-seconds): whole seconds, rounded up so that a
    /// token is there when the client comes back, and at least 1.
    /// </summary>
    public static int RetryAfterSeconds(double wait) =>
        (int)Math.Clamp(Math.Ceiling(wait - 1e-9), 1, int.MaxValue); // 1e-9: floating-point dust, not time

    private void Refill(double now)
    {
        if (now > _updated)
        {
            _tokens = Math.Min(Burst, _tokens + ((now - _updated) * RequestsPerSecond));
            _updated = now;
        }
    }
}

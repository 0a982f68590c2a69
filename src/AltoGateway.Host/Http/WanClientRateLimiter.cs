using AltoGateway.Host.Configuration;

namespace AltoGateway.Host.Http;

/// <summary>
/// One <see cref="TokenBucket"/> per WAN client (by identity name), at most
/// <see cref="WanRateLimitOptions.MaxClients"/> of them. When the table is full, the buckets of
/// idle clients (full buckets, which are the same as new ones) are dropped to make room; when none
/// is idle, a new client is refused until the first bucket fills up.
/// (System.Threading.RateLimiting's token bucket cannot run on a <see cref="TimeProvider"/>.)
/// </summary>
internal sealed class WanClientRateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double RequestsPerSecond, int Burst)> _ownLimits;
    private readonly WanRateLimitOptions _options;
    private readonly SecondsClock _clock;
    private double _noRoomUntil = double.NegativeInfinity;

    public WanClientRateLimiter(WanRateLimitOptions options, TimeProvider time)
    {
        _options = options;
        _clock = new SecondsClock(time);
        _ownLimits = options.Clients.ToDictionary(
            c => c.Key,
            c => (c.Value.RequestsPerSecond ?? options.RequestsPerSecond, c.Value.Burst ?? options.Burst),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Clients followed now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _buckets.Count;
            }
        }
    }

    /// <summary>The limit of a client: its own (<c>RateLimit:Clients:NAME</c>) or the common one.</summary>
    public (double RequestsPerSecond, int Burst) LimitOf(string client) =>
        _ownLimits.TryGetValue(client, out var own) ? own : (_options.RequestsPerSecond, _options.Burst);

    public WanRateDecision TryAcquire(string client)
    {
        var now = _clock.Now;
        lock (_gate)
        {
            if (!_buckets.TryGetValue(client, out var bucket))
            {
                if (_buckets.Count >= _options.MaxClients && !TryMakeRoom(now, out var untilRoom))
                {
                    return new WanRateDecision(WanRateOutcome.TooManyClients, TokenBucket.RetryAfterSeconds(untilRoom), 0, 0);
                }

                var (rate, burst) = LimitOf(client);
                bucket = new TokenBucket(rate, burst, now);
                _buckets.Add(client, bucket);
            }

            return bucket.TryTake(now, out var wait)
                ? new WanRateDecision(WanRateOutcome.Allowed, 0, bucket.RequestsPerSecond, bucket.Burst)
                : new WanRateDecision(WanRateOutcome.RateLimited, TokenBucket.RetryAfterSeconds(wait), bucket.RequestsPerSecond, bucket.Burst);
        }
    }

    /// <summary>
    /// Drops every idle client. The scan runs at most once until the soonest bucket can be full,
    /// so a flood of new clients against a full table costs one scan, not one per request.
    /// </summary>
    private bool TryMakeRoom(double now, out double untilRoom)
    {
        untilRoom = _noRoomUntil - now;
        if (untilRoom > 0)
        {
            return false;
        }

        var soonest = double.PositiveInfinity;
        foreach (var (name, bucket) in _buckets)
        {
            var untilFull = bucket.UntilFull(now);
            if (untilFull <= 0)
            {
                _buckets.Remove(name);
            }
            else
            {
                soonest = Math.Min(soonest, untilFull);
            }
        }

        if (_buckets.Count < _options.MaxClients)
        {
            return true;
        }

        _noRoomUntil = now + soonest;
        untilRoom = soonest;
        return false;
    }
}

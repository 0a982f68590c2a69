namespace AltoGateway.Discovery.Resolution;

/// <summary>
/// Answers to "NAME NAPTR" kept for their TTL on a <see cref="TimeProvider"/>, positive and negative alike
/// (RFC 8686 §3.5, RFC 2308 §5); temporary failures and answers without a TTL are never kept. Shared by the RFC
/// 8686 and RFC 7286 procedures, since both ask the same question of the DNS. Thread-safe; bounded in size.
/// </summary>
public sealed class NaptrLookupCache
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly NaptrCacheOptions _options;

    /// <summary>A cache on <paramref name="time"/> with <paramref name="options"/> (defaults when null).</summary>
    public NaptrLookupCache(TimeProvider time, NaptrCacheOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _options = options ?? new NaptrCacheOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaximumEntries, 1, nameof(options));
    }

    /// <summary>How many answers are held, expired ones included until they are next touched.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The answer for <paramref name="name"/> if one is held and has not expired, and how long it has left.</summary>
    public bool TryGet(string name, out NaptrLookupResult result, out TimeSpan remaining)
    {
        var key = DnsNames.Key(name);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                if (entry.Expires > now)
                {
                    result = entry.Result;
                    remaining = entry.Expires - now;
                    return true;
                }

                _entries.Remove(key);
            }
        }

        result = null!;
        remaining = TimeSpan.Zero;
        return false;
    }

    /// <summary>Keeps <paramref name="result"/> for the lifetime its TTL and the options allow; false when it is not kept.</summary>
    public bool Store(NaptrLookupResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lifetime = Lifetime(result);
        if (lifetime <= TimeSpan.Zero)
        {
            return false;
        }

        var now = _time.GetUtcNow();
        var key = DnsNames.Key(result.Name);
        lock (_lock)
        {
            if (!_entries.ContainsKey(key) && _entries.Count >= _options.MaximumEntries)
            {
                MakeRoom(now);
            }

            _entries[key] = new Entry(result, now + lifetime);
        }

        return true;
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }

    /// <summary>How long <paramref name="result"/> would be kept: zero when not at all.</summary>
    public TimeSpan Lifetime(NaptrLookupResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Kind == NaptrLookupKind.TemporaryFailure || result.Ttl is not { } ttl)
        {
            return TimeSpan.Zero;
        }

        if (result.Kind == NaptrLookupKind.Records)
        {
            // A TTL of zero means "use once, do not cache" (RFC 1035 §3.2.1).
            return ttl <= TimeSpan.Zero ? TimeSpan.Zero : Min(ttl, _options.MaximumTtl);
        }

        var negative = Min(Max(ttl, _options.NegativeTtlFloor), _options.NegativeTtlCap);
        return Min(negative, _options.MaximumTtl);
    }

    // Drop what has expired; if that frees nothing, the entry closest to expiry goes.
    private void MakeRoom(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.Expires <= now)
            {
                _entries.Remove(key);
            }
        }

        if (_entries.Count >= _options.MaximumEntries)
        {
            var soonest = _entries.MinBy(e => e.Value.Expires).Key;
            _entries.Remove(soonest);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private readonly record struct Entry(NaptrLookupResult Result, DateTimeOffset Expires);
}

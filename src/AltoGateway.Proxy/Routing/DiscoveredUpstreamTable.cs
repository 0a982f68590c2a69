using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy.Routing;

/// <summary>
/// The upstreams found by discovery, one per IRD URI, each with its own circuit breaker, made on first use by
/// <c>create</c> and kept at most <see cref="Capacity"/> at a time: the least recently used one is forgotten when a new
/// one needs room, so the URIs trackers lead the agent to cannot make it hold unbounded clients. A forgotten
/// upstream is not disposed (a request may still be using it); it is simply no longer handed out. Thread-safe.
/// </summary>
public sealed class DiscoveredUpstreamTable
{
    private readonly Func<Uri, GuardedUpstream> _create;
    private readonly Action<GuardedUpstream>? _evicted;
    private readonly Dictionary<Uri, LinkedListNode<(Uri Directory, GuardedUpstream Upstream)>> _byUri = [];
    private readonly LinkedList<(Uri Directory, GuardedUpstream Upstream)> _recency = new(); // most recently used first
    private readonly Lock _lock = new();

    /// <param name="capacity">How many upstreams are kept at most (at least 1).</param>
    /// <param name="create">Makes the upstream (and its breaker) for a URI.</param>
    /// <param name="evicted">Told of every upstream forgotten for room (for logs and metrics).</param>
    public DiscoveredUpstreamTable(int capacity, Func<Uri, GuardedUpstream> create, Action<GuardedUpstream>? evicted = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(create);
        Capacity = capacity;
        _create = create;
        _evicted = evicted;
    }

    /// <summary>How many upstreams are kept at most.</summary>
    public int Capacity { get; }

    /// <summary>How many are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byUri.Count;
            }
        }
    }

    /// <summary>The upstream for <paramref name="directory"/>, made now if it is not kept.</summary>
    public GuardedUpstream Get(Uri directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        GuardedUpstream? evicted = null;
        GuardedUpstream upstream;
        lock (_lock)
        {
            if (_byUri.TryGetValue(directory, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Upstream;
            }

            if (_byUri.Count >= Capacity)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _byUri.Remove(last.Value.Directory);
                evicted = last.Value.Upstream;
            }

            upstream = _create(directory);
            _byUri.Add(directory, _recency.AddFirst((directory, upstream)));
        }

        if (evicted is not null)
        {
            _evicted?.Invoke(evicted);
        }

        return upstream;
    }

    /// <summary>Whether an upstream for <paramref name="directory"/> is kept (without touching its recency).</summary>
    public bool Contains(Uri directory)
    {
        lock (_lock)
        {
            return _byUri.ContainsKey(directory);
        }
    }
}

namespace AltoGateway.Nat.Map;

/// <summary>
/// Many outside lookups at once (an endpoint-cost query names a hundred peers). The lookups are
/// done in passes — all bucket heads, then the keys of all first entries, then the comparisons — so that the processor waits for
/// many cache misses at the same time instead of one after the other; on a large map that is
/// what a lookup's time is made of.
/// </summary>
public sealed partial class NatMap
{
    /// <summary>
    /// Looks every key up; <paramref name="results"/>[i] is the mapping of <paramref name="keys"/>[i]
    /// or null. Returns how many were found.
    /// </summary>
    public int FindByExternal(ReadOnlySpan<ExternalKey> keys, Span<NatMapEntry?> results)
    {
        if (results.Length < keys.Length)
        {
            throw new ArgumentException("results must be at least as long as keys", nameof(results));
        }

        const int stackLimit = 256;
        Span<int> hashes = keys.Length <= stackLimit ? stackalloc int[keys.Length] : new int[keys.Length];
        Span<int> slots = keys.Length <= stackLimit ? stackalloc int[keys.Length] : new int[keys.Length];
        Span<int> firstPorts = keys.Length <= stackLimit ? stackalloc int[keys.Length] : new int[keys.Length];
        var addressKeys = keys.Length <= stackLimit ? stackalloc AddressKey[keys.Length] : new AddressKey[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(keys[i].Address);
            addressKeys[i] = AddressKey.From(keys[i].Address);
            hashes[i] = addressKeys[i].Hash(ExternalTweak(keys[i].Protocol, keys[i].Port));
        }

        var now = NowSeconds;
        var spin = new SpinWait();
        while (true)
        {
            var version = Volatile.Read(ref _version);
            if ((version & 1) == 0)
            {
                var entries = _entries;
                var buckets = _externalBuckets;
                var externals = _externals;

                // Pass 1: every bucket head (independent loads).
                for (var i = 0; i < keys.Length; i++)
                {
                    slots[i] = buckets[hashes[i] & (buckets.Length - 1)];
                }

                // Pass 2: the first entry of every chain, only its key fields (independent loads again).
                for (var i = 0; i < keys.Length; i++)
                {
                    var index = slots[i];
                    if ((uint)index < (uint)entries.Length)
                    {
                        ref readonly var entry = ref entries[index];
                        firstPorts[i] = entry.ExternalPort | (entry.Protocol << 16);
                    }
                }

                // Pass 3: compare; walk the rest of a chain only where its first entry was another key.
                var found = 0;
                for (var i = 0; i < keys.Length; i++)
                {
                    var wanted = keys[i].Port | ((int)keys[i].Protocol << 16);
                    var index = slots[i];
                    var match = None;
                    for (var steps = 0; (uint)index < (uint)entries.Length && steps < entries.Length; steps++)
                    {
                        ref readonly var entry = ref entries[index];
                        if ((steps > 0 || firstPorts[i] == wanted) && entry.ExternalPort == keys[i].Port && entry.Protocol == (byte)keys[i].Protocol
                            && entry.External < externals.Length && externals[entry.External].Key == addressKeys[i])
                        {
                            match = index;
                            break;
                        }

                        index = entry.NextExternal;
                    }

                    if (match != None && IsAlive(entries[match], now) && TryRead(entries, match, out var result))
                    {
                        results[i] = result;
                        found++;
                    }
                    else
                    {
                        results[i] = null;
                    }
                }

                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref _version) == version)
                {
                    return found;
                }
            }

            spin.SpinOnce();
        }
    }
}

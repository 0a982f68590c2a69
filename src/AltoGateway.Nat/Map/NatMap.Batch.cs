namespace AltoGateway.Nat.Map;

/// <summary>
/// Many outside lookups at once (an endpoint-cost query names a hundred peers). The lookups are
/// done in passes — the key fields of every home slot, then the comparisons — so that the processor waits for
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
            if (TryBeginRead(out var version))
            {
                var entries = _entries;
                var externals = _externals;
                var subscribers = _subscribers;

                // Pass 1: touch every home slot (independent loads, all missing at once); kept in firstPorts so the loads stay.
                for (var i = 0; i < keys.Length; i++)
                {
                    ref readonly var entry = ref entries[Home(hashes[i], entries.Length)];
                    firstPorts[i] = entry.ExternalPort | (entry.Protocol << 16);
                }

                // Pass 2: probe and compare (the home lines are in cache now; a probe rarely leaves them).
                var found = 0;
                for (var i = 0; i < keys.Length; i++)
                {
                    var match = FindExternal(entries, externals, hashes[i], addressKeys[i], (byte)keys[i].Protocol, keys[i].Port);

                    if (match != None && IsAlive(entries[match], now) && TryRead(entries[match], subscribers, externals, _origin, out var result))
                    {
                        results[i] = result;
                        found++;
                    }
                    else
                    {
                        results[i] = null;
                    }
                }

                if (EndRead(version))
                {
                    return found;
                }
            }

            spin.SpinOnce();
        }
    }
}

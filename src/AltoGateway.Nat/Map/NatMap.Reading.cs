using System.Net;

namespace AltoGateway.Nat.Map;

/// <summary>The lock-free readers: each runs its lookup until no write overlapped it.</summary>
/// <remarks>
/// A sequence-lock reader needs its data loads ordered before the second read of the version and
/// nothing more (Boehm, "Can seqlocks get along with programming language memory models?", 2012):
/// <see cref="Volatile.ReadBarrier"/> is that load fence, free on x64, where a full fence would
/// also stop the processor from overlapping one lookup's cache misses with the next lookup's.
/// </remarks>
public sealed partial class NatMap
{
    /// <summary>The mapping behind an external address and port, if one is alive.</summary>
    public bool TryFindByExternal(NatProtocol protocol, IPAddress externalAddress, ushort externalPort, out NatMapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(externalAddress);
        var key = AddressKey.From(externalAddress);
        var hash = key.Hash(ExternalTweak(protocol, externalPort));
        var now = NowSeconds;
        var spin = new SpinWait();
        entry = default;
        while (true)
        {
            if (TryBeginRead(out var version))
            {
                var entries = _entries;
                var index = FindExternal(entries, _externals, hash, key, (byte)protocol, externalPort);
                var found = index != None && IsAlive(entries[index], now) && TryRead(entries, index, out entry);
                if (EndRead(version))
                {
                    if (!found)
                    {
                        entry = default;
                    }

                    return found;
                }
            }

            spin.SpinOnce();
        }
    }

    /// <summary>Whether the internal address has at least one live mapping (no allocation).</summary>
    public bool HasSubscriber(IPAddress internalAddress)
    {
        ArgumentNullException.ThrowIfNull(internalAddress);
        var key = AddressKey.From(internalAddress);
        var hash = key.Hash(0);
        var now = NowSeconds;
        var spin = new SpinWait();
        while (true)
        {
            if (TryBeginRead(out var version))
            {
                var present = false;
                var entries = _entries;
                var subscribers = _subscribers;
                var subscriber = FindSubscriber(subscribers, _subscriberBuckets, hash, key);
                if (subscriber != None)
                {
                    var index = subscribers[subscriber].FirstMapping;
                    for (var steps = 0; (uint)index < (uint)entries.Length && steps < entries.Length && !present; steps++)
                    {
                        present = IsAlive(entries[index], now);
                        index = entries[index].NextOfSubscriber;
                    }
                }

                if (EndRead(version))
                {
                    return present;
                }
            }

            spin.SpinOnce();
        }
    }

    /// <summary>Up to <paramref name="limit"/> live mappings of one internal address.</summary>
    public IReadOnlyList<NatMapEntry> MappingsOf(IPAddress internalAddress, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(internalAddress);
        var key = AddressKey.From(internalAddress);
        var hash = key.Hash(0);
        var now = NowSeconds;
        var spin = new SpinWait();
        while (true)
        {
            if (TryBeginRead(out var version))
            {
                var result = new List<NatMapEntry>();
                var entries = _entries;
                var subscribers = _subscribers;
                var subscriber = FindSubscriber(subscribers, _subscriberBuckets, hash, key);
                if (subscriber != None)
                {
                    var index = subscribers[subscriber].FirstMapping;
                    for (var steps = 0; (uint)index < (uint)entries.Length && steps < entries.Length && result.Count < limit; steps++)
                    {
                        if (IsAlive(entries[index], now) && TryRead(entries, index, out var entry))
                        {
                            result.Add(entry);
                        }

                        index = entries[index].NextOfSubscriber;
                    }
                }

                if (EndRead(version))
                {
                    return result;
                }
            }

            spin.SpinOnce();
        }
    }

    /// <summary>How many subscribers use a public address, and which one when it is exactly one.</summary>
    public SubscribersBehind FindSubscribersBehind(IPAddress externalAddress)
    {
        ArgumentNullException.ThrowIfNull(externalAddress);
        var key = AddressKey.From(externalAddress);
        var spin = new SpinWait();
        while (true)
        {
            if (TryBeginRead(out var version))
            {
                var result = default(SubscribersBehind);
                var externals = _externals;
                var subscribers = _subscribers;
                if (Volatile.Read(ref _externalIndex).TryGetValue(key, out var external) && (uint)external < (uint)externals.Length)
                {
                    var count = externals[external].Subscribers;

                    // With one subscriber left, the XOR of all their slot numbers is that slot.
                    var only = externals[external].SubscriberXor - 1;
                    var address = count == 1 && (uint)only < (uint)subscribers.Length ? subscribers[only].Address : null;
                    result = new SubscribersBehind(count, address);
                }

                if (EndRead(version))
                {
                    return result;
                }
            }

            spin.SpinOnce();
        }
    }

    /// <summary>Up to <paramref name="limit"/> live mappings, in table order (for listings, not for lookups).</summary>
    public IReadOnlyList<NatMapEntry> Snapshot(int limit)
    {
        var now = NowSeconds;
        var spin = new SpinWait();
        while (true)
        {
            if (TryBeginRead(out var version))
            {
                var result = new List<NatMapEntry>(Math.Min(limit, 1024));
                var entries = _entries;
                for (var i = 0; i < entries.Length && result.Count < limit; i++)
                {
                    if (entries[i].Source != 0 && IsAlive(entries[i], now) && TryRead(entries, i, out var entry))
                    {
                        result.Add(entry);
                    }
                }

                if (EndRead(version))
                {
                    return result;
                }
            }

            spin.SpinOnce();
        }
    }

    private static ulong ExternalTweak(NatProtocol protocol, ushort port) => ((ulong)protocol << 16) | port;

    private static bool IsAlive(in Entry entry, uint now) => entry.Source != 0 && (entry.ExpiresAt == 0 || entry.ExpiresAt > now);

    /// <summary>The slot of the mapping with that external key, or <see cref="None"/>; safe on torn tables.</summary>
    /// <remarks>A linear probe from the home slot to the first empty slot; bounded by the table length
    /// so that a torn read (which the sequence lock then discards) can never loop forever.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int FindExternal(Entry[] entries, ExternalAddress[] externals, int hash, AddressKey key, byte protocol, ushort port)
    {
        var slot = Home(hash, entries.Length);
        for (var steps = 0; steps < entries.Length; steps++)
        {
            ref readonly var entry = ref entries[slot];
            if (entry.Source == 0)
            {
                return None;
            }

            if (entry.ExternalPort == port && entry.Protocol == protocol
                && entry.External < externals.Length && externals[entry.External].Key == key)
            {
                return slot;
            }

            if (++slot == entries.Length)
            {
                slot = 0;
            }
        }

        return None;
    }

    private static int FindSubscriber(Subscriber[] subscribers, int[] buckets, int hash, AddressKey key)
    {
        var index = buckets[hash & (buckets.Length - 1)];
        for (var steps = 0; (uint)index < (uint)subscribers.Length && steps < subscribers.Length; steps++)
        {
            if (subscribers[index].Key == key && subscribers[index].Address is not null)
            {
                return index;
            }

            index = subscribers[index].NextInBucket;
        }

        return None;
    }

    /// <summary>Starts a read under the sequence lock: false while a write is in progress (odd version).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool TryBeginRead(out int version)
    {
        version = Volatile.Read(ref _version);
        return (version & 1) == 0;
    }

    /// <summary>
    /// Ends a read: true when no write overlapped it. The load fence keeps the reads of the tables
    /// before the second look at the version.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool EndRead(int version)
    {
        Volatile.ReadBarrier();
        return Volatile.Read(ref _version) == version;
    }

    /// <summary>Builds the public view of a slot; false when a torn read left a dangling index.</summary>
    private bool TryRead(Entry[] entries, int index, out NatMapEntry result) =>
        TryRead(entries[index], _subscribers, _externals, _origin, out result);

    /// <summary>
    /// Builds the public view of an entry; false when a torn read left a dangling index. Each index
    /// is read once into a local, so the field a bounds check saw is the one used.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool TryRead(in Entry entry, Subscriber[] subscribers, ExternalAddress[] externals, DateTimeOffset origin, out NatMapEntry result)
    {
        var subscriber = entry.Subscriber;
        int external = entry.External;
        if ((uint)subscriber >= (uint)subscribers.Length || external >= externals.Length
            || subscribers[subscriber].Address is not { } internalAddress || externals[external].Address is not { } externalAddress)
        {
            result = default;
            return false;
        }

        var mapping = new NatMapping((NatProtocol)entry.Protocol, internalAddress, entry.InternalPort, externalAddress, entry.ExternalPort, (NatMappingSource)entry.Source);
        result = new NatMapEntry(mapping, origin, entry.FirstSeen, entry.LastSeen, entry.ExpiresAt);
        return true;
    }
}

using System.Net;

namespace AltoGateway.Nat.Map;

/// <summary>The writer side: every change happens under the writer lock, inside an odd version.</summary>
public sealed partial class NatMap
{
    /// <summary>
    /// Inserts a mapping, or refreshes it when its external key is already mapped (a different
    /// internal side replaces the old one). <paramref name="lifetime"/> null means it never expires.
    /// Returns false only when the table is full of static mappings (counted in <see cref="Rejected"/>).
    /// </summary>
    public bool Upsert(in NatMapping mapping, TimeSpan? lifetime)
    {
        ArgumentNullException.ThrowIfNull(mapping.InternalAddress);
        ArgumentNullException.ThrowIfNull(mapping.ExternalAddress);
        if (mapping.Source == 0)
        {
            throw new ArgumentException("A mapping needs a source.", nameof(mapping));
        }

        lock (_writer)
        {
            BeginWrite();
            try
            {
                return UpsertLocked(mapping, lifetime);
            }
            finally
            {
                EndWrite();
            }
        }
    }

    /// <summary>Removes the mapping of an external key; false when there was none.</summary>
    public bool Remove(NatProtocol protocol, IPAddress externalAddress, ushort externalPort)
    {
        ArgumentNullException.ThrowIfNull(externalAddress);
        var key = AddressKey.From(externalAddress);
        lock (_writer)
        {
            var index = FindExternal(_entries, _externals, key.Hash(ExternalTweak(protocol, externalPort)), key, (byte)protocol, externalPort);
            if (index == None)
            {
                return false;
            }

            BeginWrite();
            try
            {
                RemoveLocked(index);
                return true;
            }
            finally
            {
                EndWrite();
            }
        }
    }

    /// <summary>
    /// Starts a full resynchronisation of one feed (a conntrack dump after lost events): upsert
    /// everything the feed has now, then <see cref="EndResync"/> removes what was not upserted.
    /// </summary>
    public ResyncToken BeginResync(NatMappingSource source)
    {
        lock (_writer)
        {
            return new ResyncToken(source, ++_generation);
        }
    }

    /// <summary>Removes the feed's mappings not upserted since <paramref name="token"/>; returns how many.</summary>
    public int EndResync(ResyncToken token)
    {
        return RemoveWhere((in Entry e) => e.Source == (byte)token.Source && e.Generation < token.Generation);
    }

    /// <summary>Removes every mapping whose lifetime ran out; returns how many (the host calls it periodically).</summary>
    public int RemoveExpired()
    {
        var now = NowSeconds;
        var removed = RemoveWhere((in Entry e) => e.ExpiresAt != 0 && e.ExpiresAt <= now);
        Interlocked.Add(ref _expired, removed);
        return removed;
    }

    private delegate bool EntryPredicate(in Entry entry);

    private int RemoveWhere(EntryPredicate predicate)
    {
        lock (_writer)
        {
            var removed = 0;
            var i = 0;
            while (i < _entries.Length)
            {
                if (_entries[i].Source == 0 || !predicate(_entries[i]))
                {
                    i++;
                    continue;
                }

                BeginWrite();
                try
                {
                    RemoveLocked(i);
                }
                finally
                {
                    EndWrite();
                }

                // The backward shift may have moved a later entry into slot i: look at it again. Entries
                // only move back towards their home, so none skips over i (one moved across the end of
                // the table into a slot already seen has been seen, and kept, before).
                removed++;
            }

            return removed;
        }
    }

    private void BeginWrite() => Interlocked.Increment(ref _version);

    private void EndWrite() => Interlocked.Increment(ref _version);

    private bool UpsertLocked(in NatMapping mapping, TimeSpan? lifetime)
    {
        var now = NowSeconds;
        var expires = lifetime is { } l ? now + (uint)Math.Clamp(Math.Ceiling(l.TotalSeconds), 1, uint.MaxValue / 2) : 0;
        var externalKey = AddressKey.From(mapping.ExternalAddress);
        var externalHash = externalKey.Hash(ExternalTweak(mapping.Protocol, mapping.ExternalPort));
        var internalKey = AddressKey.From(mapping.InternalAddress);
        TouchFirstMapping(internalKey);
        var index = FindExternal(_entries, _externals, externalHash, externalKey, (byte)mapping.Protocol, mapping.ExternalPort);
        if (index != None)
        {
            ref var existing = ref _entries[index];
            if (_subscribers[existing.Subscriber].Key == internalKey && existing.InternalPort == mapping.InternalPort)
            {
                existing.LastSeen = now;
                existing.ExpiresAt = expires;
                existing.Generation = _generation;

                // A static mapping stays static when a feed reports the same flow.
                if (mapping.Source == NatMappingSource.Static)
                {
                    existing.Source = (byte)NatMappingSource.Static;
                }

                return true;
            }

            RemoveLocked(index);
        }

        if (!MakeRoom(now))
        {
            _rejected++;
            return false;
        }

        if (!TryIntern(externalKey, mapping.ExternalAddress, out var external))
        {
            _rejected++;
            return false;
        }

        var slot = FreeSlot(externalHash);
        var subscriber = GetOrAddSubscriber(internalKey, mapping.InternalAddress);
        ref var entry = ref _entries[slot];
        entry = new Entry
        {
            Subscriber = subscriber,
            InternalPort = mapping.InternalPort,
            ExternalPort = mapping.ExternalPort,
            External = (ushort)external,
            Protocol = (byte)mapping.Protocol,
            Source = (byte)mapping.Source,
            FirstSeen = now,
            LastSeen = now,
            ExpiresAt = expires,
            Generation = _generation,
        };

        ref var owner = ref _subscribers[subscriber];
        entry.PreviousOfSubscriber = None;
        entry.NextOfSubscriber = owner.FirstMapping;
        if (owner.FirstMapping != None)
        {
            _entries[owner.FirstMapping].PreviousOfSubscriber = slot;
        }

        owner.FirstMapping = slot;
        owner.MappingCount++;
        AddReference(subscriber, external);
        _count++;
        return true;
    }

    /// <summary>
    /// Loads the subscriber's first mapping, which an insert relinks, before the probe: the two
    /// cache misses (both at random places of a large table) then overlap instead of following one
    /// another (memory-level parallelism; a load stands in for a prefetch, which safe code lacks).
    /// </summary>
    private void TouchFirstMapping(AddressKey internalKey)
    {
        var subscriber = FindSubscriber(_subscribers, _subscriberBuckets, internalKey.Hash(0), internalKey);
        if (subscriber != None && (uint)_subscribers[subscriber].FirstMapping < (uint)_entries.Length)
        {
            _ = Volatile.Read(ref _entries[_subscribers[subscriber].FirstMapping].PreviousOfSubscriber);
        }
    }

    private void RemoveLocked(int index)
    {
        ref var entry = ref _entries[index];
        var subscriber = entry.Subscriber;
        ref var owner = ref _subscribers[subscriber];
        if (entry.PreviousOfSubscriber == None)
        {
            owner.FirstMapping = entry.NextOfSubscriber;
        }
        else
        {
            _entries[entry.PreviousOfSubscriber].NextOfSubscriber = entry.NextOfSubscriber;
        }

        if (entry.NextOfSubscriber != None)
        {
            _entries[entry.NextOfSubscriber].PreviousOfSubscriber = entry.PreviousOfSubscriber;
        }

        RemoveReference(subscriber, entry.External);
        if (--owner.MappingCount == 0)
        {
            RemoveSubscriber(subscriber);
        }

        ShiftBack(index);
        _count--;
    }

    /// <summary>
    /// Closes the hole at <paramref name="hole"/> without a tombstone (Knuth, TAOCP vol. 3 §6.4,
    /// algorithm R): every following entry of the probe run whose home is not between the hole and
    /// itself moves back into the hole, which moves on to where it was, until an empty slot ends the run.
    /// </summary>
    private void ShiftBack(int hole)
    {
        var entries = _entries;
        var length = entries.Length;
        var slot = hole;
        while (true)
        {
            if (++slot == length)
            {
                slot = 0;
            }

            ref readonly var candidate = ref entries[slot];
            if (candidate.Source == 0)
            {
                break;
            }

            var home = Home(HashOf(candidate), length);
            var staysPut = hole <= slot ? hole < home && home <= slot : hole < home || home <= slot;
            if (!staysPut)
            {
                Move(slot, hole);
                hole = slot;
            }
        }

        entries[hole] = default;
    }

    /// <summary>Moves an entry to another slot and re-points its subscriber-list neighbours (or the list head) at it.</summary>
    private void Move(int from, int to)
    {
        ref var moved = ref _entries[to];
        moved = _entries[from];
        if (moved.PreviousOfSubscriber == None)
        {
            _subscribers[moved.Subscriber].FirstMapping = to;
        }
        else
        {
            _entries[moved.PreviousOfSubscriber].NextOfSubscriber = to;
        }

        if (moved.NextOfSubscriber != None)
        {
            _entries[moved.NextOfSubscriber].PreviousOfSubscriber = to;
        }
    }

    private int HashOf(in Entry entry) => _externals[entry.External].Key.Hash(ExternalTweak((NatProtocol)entry.Protocol, entry.ExternalPort));

    /// <summary>The first empty slot of the key's probe run (the key is known to be absent).</summary>
    private int FreeSlot(int hash)
    {
        var slot = Home(hash, _entries.Length);
        while (_entries[slot].Source != 0)
        {
            if (++slot == _entries.Length)
            {
                slot = 0;
            }
        }

        return slot;
    }

    /// <summary>Ensures a free slot: grow while below the maximum, else reclaim expired, else evict the idlest.</summary>
    private bool MakeRoom(uint now)
    {
        if (_count < _maxEntries)
        {
            if (_count >= _entries.Length * 4L / 5 && _entries.Length < _maxSlots)
            {
                GrowEntries((int)Math.Min(_entries.Length * 2L, _maxSlots));
            }

            return true;
        }

        // Full: look at a window of mappings from the clock hand; expired ones go first, else the
        // dynamic mapping seen longest ago. A window keeps each insert O(1).
        const int window = 64;
        var victim = None;
        for (int seen = 0, steps = 0; seen < window && steps < _entries.Length; steps++)
        {
            _hand = (_hand + 1) % _entries.Length;
            ref readonly var candidate = ref _entries[_hand];
            if (candidate.Source == 0)
            {
                continue;
            }

            seen++;
            if (candidate.Source == (byte)NatMappingSource.Static)
            {
                continue;
            }

            if (candidate.ExpiresAt != 0 && candidate.ExpiresAt <= now)
            {
                RemoveLocked(_hand);
                _expired++;
                return true;
            }

            if (victim == None || candidate.LastSeen < _entries[victim].LastSeen)
            {
                victim = _hand;
            }
        }

        if (victim == None)
        {
            return false;
        }

        RemoveLocked(victim);
        _evicted++;
        return true;
    }

    /// <summary>Rehashes into a larger table; the subscriber links are translated slot by slot, so every list keeps its order.</summary>
    private void GrowEntries(int capacity)
    {
        var old = _entries;
        var entries = new Entry[capacity];
        var moved = new int[old.Length];
        for (var i = 0; i < old.Length; i++)
        {
            if (old[i].Source == 0)
            {
                continue;
            }

            var slot = Home(HashOf(old[i]), capacity);
            while (entries[slot].Source != 0)
            {
                if (++slot == capacity)
                {
                    slot = 0;
                }
            }

            entries[slot] = old[i];
            moved[i] = slot;
        }

        for (var i = 0; i < old.Length; i++)
        {
            if (old[i].Source == 0)
            {
                continue;
            }

            ref var entry = ref entries[moved[i]];
            if (entry.PreviousOfSubscriber == None)
            {
                _subscribers[entry.Subscriber].FirstMapping = moved[i];
            }
            else
            {
                entry.PreviousOfSubscriber = moved[entry.PreviousOfSubscriber];
            }

            if (entry.NextOfSubscriber != None)
            {
                entry.NextOfSubscriber = moved[entry.NextOfSubscriber];
            }
        }

        _entries = entries;
    }

    private bool TryIntern(AddressKey key, IPAddress address, out int external)
    {
        if (_externalIndex.TryGetValue(key, out external))
        {
            return true;
        }

        if (_externals.Length > ushort.MaxValue)
        {
            return false;
        }

        external = _externals.Length;
        var externals = new ExternalAddress[external + 1];
        Array.Copy(_externals, externals, external);
        externals[external] = new ExternalAddress { Key = key, Address = address };
        _externals = externals;

        // Readers use the index without the lock: publish a new dictionary, never change a published one.
        _externalIndex = new Dictionary<AddressKey, int>(_externalIndex) { [key] = external };
        return true;
    }

    private int GetOrAddSubscriber(AddressKey key, IPAddress address)
    {
        var hash = key.Hash(0);
        var found = FindSubscriber(_subscribers, _subscriberBuckets, hash, key);
        if (found != None)
        {
            return found;
        }

        int slot;
        if (_freeSubscriber != None)
        {
            slot = _freeSubscriber;
            _freeSubscriber = _subscribers[slot].NextInBucket;
        }
        else
        {
            if (_subscriberHighWater == _subscribers.Length)
            {
                GrowSubscribers(_subscribers.Length * 2);
            }

            slot = _subscriberHighWater++;
        }

        var bucket = hash & (_subscriberBuckets.Length - 1);
        _subscribers[slot] = new Subscriber
        {
            Key = key,
            Address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address,
            FirstMapping = None,
            NextInBucket = _subscriberBuckets[bucket],
            ExternalA = None,
            ExternalB = None,
        };
        _subscriberBuckets[bucket] = slot;
        _subscriberCount++;
        return slot;
    }

    private void RemoveSubscriber(int slot)
    {
        var bucket = _subscribers[slot].Key.Hash(0) & (_subscriberBuckets.Length - 1);
        if (_subscriberBuckets[bucket] == slot)
        {
            _subscriberBuckets[bucket] = _subscribers[slot].NextInBucket;
        }
        else
        {
            var previous = _subscriberBuckets[bucket];
            while (_subscribers[previous].NextInBucket != slot)
            {
                previous = _subscribers[previous].NextInBucket;
            }

            _subscribers[previous].NextInBucket = _subscribers[slot].NextInBucket;
        }

        _subscribers[slot] = new Subscriber { NextInBucket = _freeSubscriber, FirstMapping = None, ExternalA = None, ExternalB = None };
        _freeSubscriber = slot;
        _subscriberCount--;
    }

    private void GrowSubscribers(int capacity)
    {
        var subscribers = new Subscriber[capacity];
        Array.Copy(_subscribers, subscribers, _subscriberHighWater);
        var buckets = NewBuckets(capacity);
        _freeSubscriber = None;
        for (var i = _subscriberHighWater - 1; i >= 0; i--)
        {
            if (subscribers[i].Address is null)
            {
                subscribers[i].NextInBucket = _freeSubscriber;
                _freeSubscriber = i;
                continue;
            }

            var bucket = subscribers[i].Key.Hash(0) & (capacity - 1);
            subscribers[i].NextInBucket = buckets[bucket];
            buckets[bucket] = i;
        }

        _subscriberBuckets = buckets;
        _subscribers = subscribers;
    }

    /// <summary>Counts the subscriber's mappings on an external address; the first one makes it a user of that address.</summary>
    private void AddReference(int subscriber, int external)
    {
        ref var s = ref _subscribers[subscriber];
        if (s.ExternalA == external)
        {
            s.ReferencesA++;
            return;
        }

        if (s.ExternalB == external)
        {
            s.ReferencesB++;
            return;
        }

        var overflowKey = ((long)subscriber << 17) | (uint)external;
        if (_overflowReferences.TryGetValue(overflowKey, out var count))
        {
            _overflowReferences[overflowKey] = count + 1;
            return;
        }

        if (s.ExternalA == None)
        {
            (s.ExternalA, s.ReferencesA) = (external, 1);
        }
        else if (s.ExternalB == None)
        {
            (s.ExternalB, s.ReferencesB) = (external, 1);
        }
        else
        {
            _overflowReferences[overflowKey] = 1;
        }

        _externals[external].Subscribers++;
        _externals[external].SubscriberXor ^= subscriber + 1;
    }

    private void RemoveReference(int subscriber, int external)
    {
        ref var s = ref _subscribers[subscriber];
        bool last;
        if (s.ExternalA == external)
        {
            last = --s.ReferencesA == 0;
            if (last)
            {
                s.ExternalA = None;
            }
        }
        else if (s.ExternalB == external)
        {
            last = --s.ReferencesB == 0;
            if (last)
            {
                s.ExternalB = None;
            }
        }
        else
        {
            var overflowKey = ((long)subscriber << 17) | (uint)external;
            var count = _overflowReferences[overflowKey] - 1;
            last = count == 0;
            if (last)
            {
                _overflowReferences.Remove(overflowKey);
            }
            else
            {
                _overflowReferences[overflowKey] = count;
            }
        }

        if (last)
        {
            _externals[external].Subscribers--;
            _externals[external].SubscriberXor ^= subscriber + 1;
        }
    }
}

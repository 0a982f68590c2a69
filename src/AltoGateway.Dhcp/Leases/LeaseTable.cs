namespace AltoGateway.Dhcp.Leases;

/// <summary>
/// The leases of one interface, in memory, without I/O: the decisions of RFC 2131 §4.3 and the
/// changes they make, each change returned as a <see cref="LeaseRecord"/> for the journal.
/// <para>
/// Memory: one slot per address of the subnet, in three arrays indexed by the address's offset
/// (state byte, Unix-seconds time, owner reference) plus a client → slot index; no object per
/// lease beyond the owner's identity bytes. Offers are an overlay (those of the last
/// <see cref="LeaseTimes.OfferHold"/>, forgotten oldest first) and are never journaled: RFC 2131 §4.3.1 lets a server forget an offer.
/// </para>
/// <para>
/// Invariant: a client owns at most one Bound/Released slot (its current or previous binding); a
/// bind elsewhere frees the other one. That makes the table a function of the set of slots, so a
/// compacted journal (one record per slot, in address order) rebuilds exactly the same table.
/// </para>
/// Not thread-safe: <see cref="LeaseStore"/> serialises calls.
/// </summary>
public sealed partial class LeaseTable
{
    private readonly LeasePool _pool;
    private readonly LeaseTimes _times;
    private readonly TimeProvider _time;
    private readonly LeaseState[] _state;
    private readonly long[] _until;
    private readonly ClientIdentity[] _owner;
    private readonly Dictionary<ClientIdentity, int> _slotByClient = [];
    private readonly Dictionary<int, PendingOffer> _offers = [];
    private readonly Dictionary<ClientIdentity, int> _offerByClient = [];
    private readonly Queue<(int Offset, PendingOffer Offer)> _offersByAge = new();
    private int _cursor;

    public LeaseTable(LeasePool pool, LeaseTimes times, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(time);
        var problems = times.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(times));
        }

        _pool = pool;
        _times = times;
        _time = time;
        _state = new LeaseState[pool.Size];
        _until = new long[pool.Size];
        _owner = new ClientIdentity[pool.Size];
    }

    public LeasePool Pool => _pool;

    private readonly record struct PendingOffer(ClientIdentity Client, long Until);

    private long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>The state of <paramref name="offset"/> at <paramref name="now"/>: expiries, quarantines and forgetting are derived from the clock, never stored.</summary>
    private LeaseState StateAt(int offset, long now)
    {
        var until = _until[offset];
        var remember = (long)_times.RememberFor.TotalSeconds;
        return _state[offset] switch
        {
            LeaseState.Bound when until > now => LeaseState.Bound,
            LeaseState.Bound when until + remember > now => LeaseState.Expired,
            LeaseState.Released when until + remember > now => LeaseState.Released,
            LeaseState.Declined when until > now => LeaseState.Declined,
            _ => LeaseState.Free,
        };
    }

    private bool IsOfferedToAnother(int offset, ClientIdentity client, long now) =>
        _offers.TryGetValue(offset, out var offer) && offer.Until > now && offer.Client != client;

    /// <summary>Every address that is not free, in address order, as of now.</summary>
    public IReadOnlyList<LeaseEntry> Snapshot()
    {
        var now = Now;
        var entries = new List<LeaseEntry>();
        for (var offset = 0; offset < _state.Length; offset++)
        {
            var state = StateAt(offset, now);
            if (state != LeaseState.Free)
            {
                entries.Add(new LeaseEntry(_pool.AddressAt(offset), state, _owner[offset], _until[offset]));
            }
        }

        return entries;
    }

    /// <summary>The count of addresses bound now.</summary>
    public int BoundCount()
    {
        var now = Now;
        var count = 0;
        for (var offset = 0; offset < _state.Length; offset++)
        {
            count += StateAt(offset, now) == LeaseState.Bound ? 1 : 0;
        }

        return count;
    }

    /// <summary>One record per remembered slot: what a compacted journal holds. Forgotten and free slots are left out.</summary>
    public List<LeaseRecord> ToRecords()
    {
        var now = Now;
        var records = new List<LeaseRecord>();
        for (var offset = 0; offset < _state.Length; offset++)
        {
            var kind = StateAt(offset, now) switch
            {
                LeaseState.Bound or LeaseState.Expired => LeaseRecordKind.Bind,
                LeaseState.Released => LeaseRecordKind.Release,
                LeaseState.Declined => _owner[offset].IsEmpty ? LeaseRecordKind.Conflict : LeaseRecordKind.Decline,
                _ => (LeaseRecordKind)0,
            };
            if (kind != 0)
            {
                records.Add(new LeaseRecord(kind, _pool.Network + (uint)offset, _owner[offset], _until[offset]));
            }
        }

        return records;
    }

    /// <summary>Applies a record read from the journal; false (and nothing changed) when its address is outside this subnet or it names no client where one is needed.</summary>
    public bool Replay(LeaseRecord record)
    {
        var offset = record.Address - _pool.Network;
        if (offset >= (uint)_state.Length || (record.Client.IsEmpty && record.Kind != LeaseRecordKind.Conflict))
        {
            return false;
        }

        Apply(record);
        return true;
    }

    /// <summary>The one place slots change, for live operations and replay alike, so both give the same table.</summary>
    private LeaseRecord Apply(LeaseRecord record)
    {
        var offset = (int)(record.Address - _pool.Network);
        var previousOwner = _owner[offset];
        if (!previousOwner.IsEmpty && _slotByClient.TryGetValue(previousOwner, out var previousSlot) && previousSlot == offset)
        {
            _slotByClient.Remove(previousOwner);
        }

        switch (record.Kind)
        {
            case LeaseRecordKind.Bind or LeaseRecordKind.Extend:
                // One binding per client: a binding elsewhere is forgotten (RFC 2131 §4.2 keys bindings by client).
                if (_slotByClient.TryGetValue(record.Client, out var other) && other != offset)
                {
                    _state[other] = LeaseState.Free;
                    _until[other] = 0;
                    _owner[other] = default;
                }

                Set(offset, LeaseState.Bound, record.Client, record.Time);
                _slotByClient[record.Client] = offset;
                break;
            case LeaseRecordKind.Release:
                Set(offset, LeaseState.Released, record.Client, record.Time);
                _slotByClient[record.Client] = offset;
                break;
            default:
                Set(offset, LeaseState.Declined, record.Client, record.Time);
                break;
        }

        // The address is settled now: an offer of it, and the client's other offer, are moot.
        WithdrawOfferAt(offset);
        if (!record.Client.IsEmpty)
        {
            WithdrawOffer(record.Client);
        }

        return record;
    }

    private void Set(int offset, LeaseState state, ClientIdentity owner, long until)
    {
        _state[offset] = state;
        _owner[offset] = owner;
        _until[offset] = until;
    }

    private void WithdrawOfferAt(int offset)
    {
        if (_offers.Remove(offset, out var offer))
        {
            _offerByClient.Remove(offer.Client);
        }
    }

    private void WithdrawOffer(ClientIdentity client)
    {
        if (_offerByClient.Remove(client, out var offset))
        {
            _offers.Remove(offset);
        }
    }

    private LeaseRecord Record(LeaseRecordKind kind, int offset, ClientIdentity client, long time) =>
        Apply(new LeaseRecord(kind, _pool.Network + (uint)offset, client, time));
}

using System.Net;

namespace AltoGateway.Nat.Map;

/// <summary>
/// The agent's table of NAT mappings, looked up in O(1) from the outside (protocol, external
/// address, external port: "who is behind this public address and port?") and from the inside
/// (subscriber address: "which mappings does this subscriber have?"). No I/O: feeds write into it,
/// the ALTO proxy reads from it.
/// </summary>
/// <remarks>
/// <para>Memory: entries are structs in one array with integer links (no object per mapping);
/// external addresses and subscribers are interned once. The entry array is itself the outside
/// index: an open-addressing hash table with linear probing (Knuth, TAOCP vol. 3 §6.4, algorithm L)
/// kept at most 80% full, so an outside lookup costs one cache miss (plus, rarely, the next line)
/// instead of a bucket array and then a chained entry. Deletion shifts the following entries back
/// (Knuth's algorithm R) instead of leaving tombstones, and re-points the subscriber links of every
/// entry it moves. The table never holds more than
/// <see cref="NatMapOptions.MaxEntries"/> mappings: when full, expired mappings are reclaimed first,
/// then the idlest dynamic mapping of a small sample is evicted (and counted). Static mappings are
/// never evicted.</para>
/// <para>Concurrency: one writer at a time (writers serialise on a lock; the feeds are the writers),
/// any number of lock-free readers. Readers use a sequence lock: they retry when a write overlapped
/// their read, and every index they follow is bounds-checked so a torn read can never throw.</para>
/// </remarks>
public sealed partial class NatMap
{
    private const int None = -1;
    private readonly Lock _writer = new();
    private readonly TimeProvider _time;
    private readonly long _originTimestamp;
    private readonly DateTimeOffset _origin;
    private readonly int _maxEntries;

    /// <summary>Sequence lock: odd while the writer changes the tables.</summary>
    private int _version;

    /// <summary>The outside index and the entries in one: slot = linear probe from the key's home.</summary>
    private Entry[] _entries;
    private readonly int _maxSlots;
    private int _count;

    private Subscriber[] _subscribers;
    private int[] _subscriberBuckets;
    private int _subscriberHighWater;
    private int _freeSubscriber = None;
    private int _subscriberCount;

    private ExternalAddress[] _externals = [];
    private Dictionary<AddressKey, int> _externalIndex = [];

    /// <summary>(subscriber, external) reference counts beyond the two a subscriber keeps inline.</summary>
    private readonly Dictionary<long, int> _overflowReferences = [];

    private uint _generation;
    private int _hand;
    private long _evicted;
    private long _expired;
    private long _rejected;

    public NatMap(NatMapOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEntries, 1);
        _time = time;
        _originTimestamp = time.GetTimestamp();
        _origin = time.GetUtcNow();
        _maxEntries = options.MaxEntries;
        _maxSlots = SlotsFor(options.MaxEntries);
        var capacity = Math.Min(SlotsFor(Math.Max(16, options.InitialCapacity)), _maxSlots);
        _entries = new Entry[capacity];
        _subscribers = new Subscriber[Math.Min(capacity, 1024)];
        _subscriberBuckets = NewBuckets(_subscribers.Length);
    }

    /// <summary>Mappings held now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Distinct internal addresses with at least one mapping.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscriberCount);

    /// <summary>Mappings thrown out to stay within <see cref="NatMapOptions.MaxEntries"/>.</summary>
    public long Evicted => Interlocked.Read(ref _evicted);

    /// <summary>Mappings removed because their lifetime ran out.</summary>
    public long Expired => Interlocked.Read(ref _expired);

    /// <summary>Inserts refused because the table was full of static mappings.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public int MaxEntries => _maxEntries;

    /// <summary>Seconds since the map was made, plus one: 0 is kept for "never" in expiry fields.</summary>
    private uint NowSeconds => (uint)((_time.GetTimestamp() - _originTimestamp) / _time.TimestampFrequency) + 1;

    /// <summary>Slots for a number of entries at a load factor of at most 0.8 (always one slot empty, which ends every probe).</summary>
    private static int SlotsFor(int entries) => (int)Math.Min(entries + (entries / 4L) + 1, Array.MaxLength);

    /// <summary>
    /// The home slot of a 31-bit hash in a table of any length: multiply and shift instead of a
    /// modulo (Lemire, "A fast alternative to the modulo reduction", 2016), so that the table can be
    /// sized to the load factor rather than to a power of two.
    /// </summary>
    private static int Home(int hash, int length) => (int)(((ulong)(uint)hash * (uint)length) >> 31);

    private static int[] NewBuckets(int length)
    {
        var buckets = new int[length];
        Array.Fill(buckets, None);
        return buckets;
    }

    /// <summary>One mapping (36 bytes); a free slot has <see cref="Source"/> 0.</summary>
    private struct Entry
    {
        public int Subscriber;
        public int NextOfSubscriber;
        public int PreviousOfSubscriber;
        public ushort InternalPort;
        public ushort ExternalPort;
        public ushort External;
        public byte Protocol;
        public byte Source;
        public uint FirstSeen;
        public uint LastSeen;
        public uint ExpiresAt;
        public uint Generation;
    }

    /// <summary>An internal address with mappings; a free slot has no <see cref="Address"/>.</summary>
    private struct Subscriber
    {
        public AddressKey Key;
        public IPAddress? Address;
        public int FirstMapping;
        public int MappingCount;
        public int NextInBucket;
        public int ExternalA;
        public int ReferencesA;
        public int ExternalB;
        public int ReferencesB;
    }

    /// <summary>An external address; interned for good (pools are small and stable).</summary>
    private struct ExternalAddress
    {
        public AddressKey Key;
        public IPAddress Address;
        public int Subscribers;
        public int SubscriberXor;
    }
}

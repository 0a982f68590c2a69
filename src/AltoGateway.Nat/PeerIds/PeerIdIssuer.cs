using System.Net;

namespace AltoGateway.Nat.PeerIds;

/// <summary>
/// Issues and resolves opaque peer IDs (approach #3 of third-party discovery): a subscriber hands
/// its ID to a tracker, the tracker names the subscriber to the ALTO proxy with it.
/// <para>
/// Epoch e = ⌊(now − origin) / period⌋. ID = "1" + base64url(e ‖ tag), tag = 120 bits of
/// HMAC-SHA256(Ke, subscriber) with Ke derived from the master key K and e (<see cref="PeerIdEpochTable"/>).
/// An ID issued in epoch e resolves until the end of e plus the grace.
/// </para>
/// <para>
/// Resolution is a dictionary look-up of (epoch, tag) among the IDs this issuer computed — in
/// <see cref="Issue"/>, or in <see cref="Recompute"/> after a restart — for the current and the previous
/// epoch only, so it is O(1), an ID never computed here cannot resolve, and a new epoch needs no work:
/// its IDs are added as subscribers ask for them. Thread-safe: one lock guards the two tables; the
/// HMACs are computed outside it.
/// </para>
/// </summary>
public sealed class PeerIdIssuer
{
    private readonly PeerIdKey _key;
    private readonly TimeProvider _time;
    private readonly long _periodTicks;
    private readonly TimeSpan _grace;
    private readonly DateTimeOffset _origin;
    private readonly Lock _lock = new();
    private PeerIdEpochTable? _current;
    private PeerIdEpochTable? _previous;

    /// <summary>An issuer for <paramref name="key"/>; invalid <paramref name="settings"/> are a caller error.</summary>
    public PeerIdIssuer(PeerIdKey key, PeerIdSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(settings));
        }

        _key = key;
        _time = timeProvider;
        _periodTicks = settings.RotationPeriod.Ticks;
        _grace = settings.Grace;
        _origin = settings.Origin;
    }

    /// <summary>The number of (epoch, subscriber) entries held, for the current and the previous epoch.</summary>
    public int Count
    {
        get
        {
            var epoch = CurrentEpoch();
            lock (_lock)
            {
                Advance(epoch);
                return _current!.Subscribers.Count + (_previous?.Subscribers.Count ?? 0);
            }
        }
    }

    /// <summary>The subscriber's peer ID for the current epoch; the same ID all through the epoch.</summary>
    public IssuedPeerId Issue(IPAddress subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var address = SubscriberAddressBits.From(subscriber);
        var epoch = CurrentEpoch();
        PeerIdEpochTable table;
        lock (_lock)
        {
            Advance(epoch);
            table = TableFor(epoch);
            if (table.Issued.TryGetValue(address, out var known))
            {
                return known; // the same ID all through the epoch: made once
            }
        }

        var tag = table.TagOf(address);
        var issued = new IssuedPeerId(PeerIdCodec.Encode(epoch, tag), ValidUntil(epoch));
        lock (_lock)
        {
            table.Subscribers[tag] = address;
            table.Issued[address] = issued;
        }

        return issued;
    }

    /// <summary>Who a peer ID names; bad input is an outcome, never an exception.</summary>
    public PeerIdResolution Resolve(string? peerId) =>
        peerId is null ? PeerIdResolution.Of(PeerIdResolutionKind.Malformed) : Resolve(peerId.AsSpan());

    /// <summary>Who a peer ID names; bad input is an outcome, never an exception.</summary>
    public PeerIdResolution Resolve(ReadOnlySpan<char> peerId)
    {
        if (!PeerIdCodec.TryDecode(peerId, out var epoch, out var tag))
        {
            return PeerIdResolution.Of(PeerIdResolutionKind.Malformed);
        }

        var now = _time.GetUtcNow();
        var current = EpochAt(now);
        if (epoch > current)
        {
            return PeerIdResolution.Of(PeerIdResolutionKind.Unknown);
        }

        var validUntil = ValidUntil(epoch);
        if (epoch + 1L < current || now >= validUntil)
        {
            return PeerIdResolution.Of(PeerIdResolutionKind.Expired);
        }

        UInt128 address;
        lock (_lock)
        {
            Advance(current);
            var table = Find(epoch);
            if (table is null || !table.Subscribers.TryGetValue(tag, out address))
            {
                return PeerIdResolution.Of(PeerIdResolutionKind.Unknown);
            }
        }

        return new PeerIdResolution(PeerIdResolutionKind.Subscriber, SubscriberAddressBits.ToAddress(address), validUntil);
    }

    /// <summary>
    /// The subscriber left: its IDs of the current and previous epoch resolve to
    /// <see cref="PeerIdResolutionKind.Unknown"/> from now on (until it is issued one again).
    /// </summary>
    public void Forget(IPAddress subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var address = SubscriberAddressBits.From(subscriber);
        var epoch = CurrentEpoch();
        PeerIdEpochTable current;
        PeerIdEpochTable? previous;
        lock (_lock)
        {
            Advance(epoch);
            (current, previous) = (_current!, _previous);
        }

        var currentTag = current.TagOf(address);
        var previousTag = previous?.TagOf(address) ?? 0;
        lock (_lock)
        {
            current.Subscribers.Remove(currentTag);
            current.Issued.Remove(address);
            previous?.Subscribers.Remove(previousTag);
            previous?.Issued.Remove(address);
        }
    }

    /// <summary>
    /// After a restart with the same key: registers the IDs of the current epoch, and of the previous
    /// one while its grace lasts, for every subscriber the host knows to be present (DHCP leases, NAT
    /// map, a deterministic plan). IDs issued before the restart to these subscribers resolve again;
    /// those of subscribers not listed stay unknown.
    /// </summary>
    public void Recompute(IEnumerable<IPAddress> knownSubscribers)
    {
        ArgumentNullException.ThrowIfNull(knownSubscribers);
        var now = _time.GetUtcNow();
        var epoch = EpochAt(now);
        PeerIdEpochTable current;
        PeerIdEpochTable? previous = null;
        lock (_lock)
        {
            Advance(epoch);
            current = TableFor(epoch);
            if (epoch > 0 && now < ValidUntil(epoch - 1))
            {
                previous = TableFor(epoch - 1);
            }
        }

        var entries = new List<(UInt128 Address, UInt128 Current, UInt128 Previous)>();
        foreach (var subscriber in knownSubscribers)
        {
            ArgumentNullException.ThrowIfNull(subscriber, nameof(knownSubscribers));
            var address = SubscriberAddressBits.From(subscriber);
            entries.Add((address, current.TagOf(address), previous?.TagOf(address) ?? 0));
        }

        lock (_lock)
        {
            foreach (var (address, currentTag, previousTag) in entries)
            {
                current.Subscribers[currentTag] = address;
                if (previous is not null)
                {
                    previous.Subscribers[previousTag] = address;
                }
            }
        }
    }

    private uint CurrentEpoch() => EpochAt(_time.GetUtcNow());

    private uint EpochAt(DateTimeOffset now)
    {
        // A clock before the origin (a board without RTC before NTP) counts as epoch 0.
        var ticks = (now - _origin).Ticks;
        return ticks <= 0 ? 0 : (uint)Math.Min(ticks / _periodTicks, uint.MaxValue);
    }

    private DateTimeOffset ValidUntil(uint epoch) => _origin.AddTicks(_periodTicks * (epoch + 1L)) + _grace;

    /// <summary>
    /// Under the lock: moves the tables on to <paramref name="epoch"/>, keeping the table of epoch − 1.
    /// A reading one epoch behind changes nothing (another thread read the clock just after the
    /// boundary), so the tables never swing back and forth; a clock stepped back further starts over.
    /// </summary>
    private void Advance(uint epoch)
    {
        if (_current is not null && (epoch == _current.Epoch || epoch + 1L == _current.Epoch))
        {
            return;
        }

        var current = Find(epoch) ?? new PeerIdEpochTable(epoch, _key);
        var previous = epoch > 0 ? Find(epoch - 1) : null;
        _current = current;
        _previous = previous;
    }

    /// <summary>
    /// Under the lock, after <see cref="Advance"/>: the table of <paramref name="epoch"/>, made when it is
    /// the previous epoch's and missing; any older epoch gets a table kept nowhere.
    /// </summary>
    private PeerIdEpochTable TableFor(uint epoch)
    {
        if (Find(epoch) is { } table)
        {
            return table;
        }

        table = new PeerIdEpochTable(epoch, _key);
        if (epoch + 1L == _current!.Epoch)
        {
            _previous = table;
        }

        return table;
    }

    private PeerIdEpochTable? Find(uint epoch) =>
        _current?.Epoch == epoch ? _current : _previous?.Epoch == epoch ? _previous : null;
}

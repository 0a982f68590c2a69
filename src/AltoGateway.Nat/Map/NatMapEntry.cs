namespace AltoGateway.Nat.Map;

/// <summary>
/// A mapping as the map holds it, with when it was first and last seen and when it expires.
/// Times are kept as the map's seconds and turned into dates only when asked for, so a lookup
/// that only needs the mapping pays nothing for them.
/// </summary>
public readonly struct NatMapEntry : IEquatable<NatMapEntry>
{
    private readonly DateTimeOffset _origin;
    private readonly uint _firstSeen;
    private readonly uint _lastSeen;
    private readonly uint _expires;

    internal NatMapEntry(NatMapping mapping, DateTimeOffset origin, uint firstSeen, uint lastSeen, uint expires)
    {
        Mapping = mapping;
        _origin = origin;
        _firstSeen = firstSeen;
        _lastSeen = lastSeen;
        _expires = expires;
    }

    public NatMapping Mapping { get; }

    public DateTimeOffset FirstSeen => _origin.AddSeconds(_firstSeen - 1);

    public DateTimeOffset LastSeen => _origin.AddSeconds(_lastSeen - 1);

    /// <summary>When the mapping expires; null for one that never does (static entries).</summary>
    public DateTimeOffset? Expires => _expires == 0 ? null : _origin.AddSeconds(_expires - 1);

    public static bool operator ==(NatMapEntry left, NatMapEntry right) => left.Equals(right);

    public static bool operator !=(NatMapEntry left, NatMapEntry right) => !left.Equals(right);

    public bool Equals(NatMapEntry other) =>
        Mapping == other.Mapping && FirstSeen == other.FirstSeen && LastSeen == other.LastSeen && Expires == other.Expires;

    public override bool Equals(object? obj) => obj is NatMapEntry other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Mapping, FirstSeen, LastSeen, Expires);
}

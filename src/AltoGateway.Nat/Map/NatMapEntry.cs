namespace AltoGateway.Nat.Map;

/// <summary>A mapping as the map holds it, with when it was first and last seen and when it expires.</summary>
public readonly record struct NatMapEntry(NatMapping Mapping, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, DateTimeOffset? Expires);

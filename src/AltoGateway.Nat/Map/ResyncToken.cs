namespace AltoGateway.Nat.Map;

/// <summary>Marks the start of a full resynchronisation of one feed (see <see cref="NatMap.BeginResync"/>).</summary>
public readonly record struct ResyncToken(NatMappingSource Source, uint Generation);

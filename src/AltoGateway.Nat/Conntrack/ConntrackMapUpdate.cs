using AltoGateway.Nat.Map;

namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// The NAT map change one conntrack message calls for: the action, why (the mapping outcome of the
/// entry), the mapping, and for an upsert the lifetime to give it.
/// </summary>
public readonly record struct ConntrackMapUpdate(ConntrackMapAction Action, ConntrackMappingOutcome Outcome, NatMapping Mapping, TimeSpan Lifetime);

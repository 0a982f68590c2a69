namespace AltoGateway.Nat.Resolution;

/// <summary>Which knowledge answered a resolution.</summary>
public enum ResolutionSource
{
    None,

    /// <summary>A mapping of the NAT map (conntrack or static).</summary>
    NatMap,

    /// <summary>An RFC 7422 deterministic port block (computed, not stored).</summary>
    PortBlock,

    /// <summary>A peer ID issued by this agent.</summary>
    PeerId,
}

namespace AltoGateway.Nat.PortBlocks;

/// <summary>Who an outside address and port belong to under a deterministic plan.</summary>
public enum OutsidePortOwnerKind
{
    /// <summary>A subscriber's deterministic block.</summary>
    Subscriber,

    /// <summary>The dynamic pool (RFC 7422 §2, factor D): ask the conntrack feed or the logs.</summary>
    DynamicPool,

    /// <summary>A reserved port (R): never translated deterministically.</summary>
    Reserved,

    /// <summary>The address is not in the outside pool O.</summary>
    NotInPool,

    /// <summary>
    /// A block no subscriber holds: C × |O| exceeds the inside range, or it is the place the IPv4
    /// network/broadcast address would have had. Treat it like the dynamic pool.
    /// </summary>
    UnassignedBlock,
}

namespace AltoGateway.Nat.PortBlocks;

/// <summary>Why an inside address has no port block.</summary>
public enum InsideMappingError
{
    /// <summary>No error: the address has a block.</summary>
    None,

    /// <summary>The address is IPv4 and the inside range IPv6, or the other way round.</summary>
    WrongAddressFamily,

    /// <summary>The address lies outside the inside prefix.</summary>
    NotInInsidePrefix,

    /// <summary>The network or broadcast address of an IPv4 inside prefix (see <see cref="DeterministicNatPlan"/>).</summary>
    NotASubscriberAddress,
}

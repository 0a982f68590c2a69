namespace AltoGateway.Nat.PortBlocks;

/// <summary>What is wrong with a set of <see cref="DeterministicNatSettings"/>.</summary>
public enum DeterministicNatProblemKind
{
    /// <summary>The subscriber prefix length does not fit the inside prefix or its address family.</summary>
    SubscriberPrefixLengthInvalid,

    /// <summary>The inside range has more subscribers than this implementation indexes (2^32).</summary>
    InsideRangeTooLarge,

    /// <summary>The outside pool is missing or empty.</summary>
    OutsidePoolEmpty,

    /// <summary>An outside pool entry is not IPv4.</summary>
    OutsidePoolNotIPv4,

    /// <summary>Two outside pool entries share addresses.</summary>
    OutsidePoolOverlaps,

    /// <summary>C is below 1.</summary>
    CompressionRatioInvalid,

    /// <summary>D is negative.</summary>
    DynamicPoolFactorInvalid,

    /// <summary>R does not start at port 0, is inverted, or leaves no port.</summary>
    ReservedPortsInvalid,

    /// <summary>(65536 − |R|) / (C + D) is 0: no port per subscriber.</summary>
    NoPortsPerSubscriber,

    /// <summary>C × |O| is smaller than the number of inside subscribers.</summary>
    TooManySubscribers,

    /// <summary>Round robin: fewer ports per subscriber than outside addresses, so an empty range on each.</summary>
    RoundRobinRangeEmpty,

    /// <summary>The algorithm is one RFC 7422 names but this implementation refuses.</summary>
    AlgorithmNotSupported,

    /// <summary>The algorithm number is not one of RFC 7422's.</summary>
    AlgorithmUnknown,
}

namespace AltoGateway.Nat.PortBlocks;

/// <summary>
/// The address assignment algorithms "A" of RFC 7422 §2, with the numbers the RFC gives them.
/// Only <see cref="Sequential"/> and <see cref="RoundRobin"/> are defined precisely enough there to
/// compute in both directions; a plan with any other algorithm fails validation (see
/// <see cref="DeterministicNatPlan.Validate"/>).
/// </summary>
public enum PortAllocationAlgorithm
{
    /// <summary>0: the first block goes to the first inside address, the second block to the second, and so on.</summary>
    Sequential = 0,

    /// <summary>
    /// 1: refused. The RFC's example formula gives address 1 the ports n*C+R and address 2 the ports
    /// (1+n)*C+R for every n, so neighbouring addresses share ports; no reversible mapping follows from it.
    /// </summary>
    Staggered = 1,

    /// <summary>
    /// 2: the subscriber gets the same port range on every address of the outside pool (RFC 7422 §2:
    /// 10 pool addresses and 1000 ports per subscriber give e.g. ports 2000–2099 on each of the 10).
    /// </summary>
    RoundRobin = 2,

    /// <summary>3: refused. The RFC describes it in one phrase, without a block layout or an order of addresses.</summary>
    InterlacedHorizontally = 3,

    /// <summary>4: refused. RFC 6431 §2.4 random ports need keying material the RFC leaves to the operator.</summary>
    CryptographicallyRandom = 4,

    /// <summary>5: refused. Vendor-specific by definition.</summary>
    VendorSpecific = 5,
}

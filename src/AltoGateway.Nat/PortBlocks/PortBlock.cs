using System.Net;

namespace AltoGateway.Nat.PortBlocks;

/// <summary>
/// The ports a subscriber owns deterministically. With <see cref="OnEveryPoolAddress"/> false
/// (sequential) the block is <see cref="FirstPort"/>–<see cref="LastPort"/> on
/// <see cref="ExternalAddress"/> only; with it true (round robin) the same ports on every address of the
/// outside pool, and <see cref="ExternalAddress"/> is the pool's lowest address.
/// </summary>
/// <param name="ExternalAddress">The outside (public) IPv4 address.</param>
/// <param name="FirstPort">The first port of the block.</param>
/// <param name="LastPort">The last port of the block, inclusive.</param>
/// <param name="SubscriberIndex">The subscriber's position in the inside range, from 0.</param>
/// <param name="OnEveryPoolAddress">Whether the block repeats on every outside address.</param>
public readonly record struct PortBlock(
    IPAddress ExternalAddress,
    ushort FirstPort,
    ushort LastPort,
    long SubscriberIndex,
    bool OnEveryPoolAddress)
{
    /// <summary>The ports of the block on one outside address.</summary>
    public PortRange Ports => new(FirstPort, LastPort);

    /// <summary>The number of ports of the block on one outside address.</summary>
    public int PortCount => LastPort - FirstPort + 1;
}

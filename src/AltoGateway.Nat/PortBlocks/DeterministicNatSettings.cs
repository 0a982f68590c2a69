using System.Net;

namespace AltoGateway.Nat.PortBlocks;

/// <summary>
/// The parameters of an RFC 7422 §2 deterministic CGN mapping. Nothing is checked here;
/// <see cref="DeterministicNatPlan.Validate"/> reports every problem at once.
/// </summary>
public sealed class DeterministicNatSettings
{
    /// <summary>
    /// The inside range I: an IPv4 prefix (NAT444, one subscriber per address) or an IPv6 prefix
    /// (DS-Lite, one subscriber per B4 address or per <see cref="SubscriberPrefixLength"/> prefix; RFC 7422 §2).
    /// </summary>
    public required IPNetwork InsidePrefix { get; init; }

    /// <summary>
    /// For an IPv6 inside prefix, the length of the prefix that identifies one subscriber
    /// (default 128: one B4 address per subscriber). For IPv4 it must be left unset or be 32.
    /// </summary>
    public int? SubscriberPrefixLength { get; init; }

    /// <summary>The outside range O: IPv4 prefixes, a single address as a /32. Used in ascending address order.</summary>
    public required IReadOnlyList<IPNetwork> OutsidePool { get; init; }

    /// <summary>The compression ratio C: port blocks handed to subscribers on each outside address.</summary>
    public required int CompressionRatio { get; init; }

    /// <summary>The dynamic address pool factor D: blocks per outside address kept for the dynamic pool.</summary>
    public int DynamicPoolFactor { get; init; }

    /// <summary>The reserved ports R; must start at port 0. Default 0–1023.</summary>
    public PortRange ReservedPorts { get; init; } = new(0, 1023);

    /// <summary>The allocation algorithm A. Default <see cref="PortAllocationAlgorithm.Sequential"/>.</summary>
    public PortAllocationAlgorithm Algorithm { get; init; } = PortAllocationAlgorithm.Sequential;
}

using System.Net;

namespace AltoGateway.Nat.PortBlocks;

/// <summary>
/// The answer of <see cref="DeterministicNatPlan.MapOutside"/>. For <see cref="OutsidePortOwnerKind.Subscriber"/>,
/// <see cref="Subscriber"/> is the inside address (for an IPv6 subscriber prefix, its first address)
/// and <see cref="SubscriberPrefixLength"/> its length (32 for IPv4, 128 for a B4 address).
/// </summary>
public readonly record struct OutsidePortOwner(
    OutsidePortOwnerKind Kind,
    IPAddress? Subscriber,
    int SubscriberPrefixLength,
    long SubscriberIndex)
{
    internal static OutsidePortOwner Of(OutsidePortOwnerKind kind) => new(kind, null, 0, -1);
}

using System.Net;

namespace AltoGateway.Dhcp.Leases;

/// <summary>Why an address was chosen for a DHCPOFFER (RFC 2131 §4.3.1's order of preference), or that none is left.</summary>
public enum OfferSource : byte
{
    /// <summary>No address can be offered: the server sends no DHCPOFFER.</summary>
    PoolExhausted = 0,

    /// <summary>The client's static reservation.</summary>
    Reservation,

    /// <summary>The client's current binding (or the offer it already has).</summary>
    CurrentBinding,

    /// <summary>The client's previous, expired or released binding, still free.</summary>
    PreviousBinding,

    /// <summary>The address the client asked for (option 50), valid and free.</summary>
    RequestedAddress,

    /// <summary>A free address from the pool.</summary>
    FreeAddress,
}

/// <summary>The answer to a DHCPDISCOVER: the address offered and how long the lease would be, or <see cref="OfferSource.PoolExhausted"/>.</summary>
public readonly record struct OfferResult(OfferSource Source, IPAddress? Address, TimeSpan LeaseTime)
{
    public bool IsOffered => Source != OfferSource.PoolExhausted;

    public static OfferResult Exhausted => new(OfferSource.PoolExhausted, null, TimeSpan.Zero);
}

using System.Net;

namespace AltoGateway.Dhcp.Leases;

/// <summary>What an address is doing now (an offer is an overlay, see <see cref="LeaseTable"/>).</summary>
public enum LeaseState : byte
{
    /// <summary>Not allocated and not remembered for anyone.</summary>
    Free = 0,

    /// <summary>Allocated to <see cref="LeaseEntry.Client"/> until <see cref="LeaseEntry.Until"/>.</summary>
    Bound = 1,

    /// <summary>Released by its client (RFC 2131 §4.3.4): free, remembered so the client gets it back.</summary>
    Released = 2,

    /// <summary>The binding ran out: free, remembered like <see cref="Released"/>.</summary>
    Expired = 3,

    /// <summary>Quarantined until <see cref="LeaseEntry.Until"/>: declined (RFC 2131 §4.3.3) or found in use by a probe.</summary>
    Declined = 4,
}

/// <summary>One address's state in a snapshot of the table (free addresses are not listed).</summary>
/// <param name="Until">Bound: expiry; Released: release time; Expired: expiry; Declined: end of the quarantine (all Unix seconds).</param>
public readonly record struct LeaseEntry(IPAddress Address, LeaseState State, ClientIdentity Client, long Until);

namespace AltoGateway.Dhcp.Leases;

/// <summary>What a journal record says happened to an address.</summary>
public enum LeaseRecordKind : byte
{
    /// <summary>Bound to the client until <see cref="LeaseRecord.Time"/> (DHCPACK of a new binding).</summary>
    Bind = 1,

    /// <summary>The client's binding extended until <see cref="LeaseRecord.Time"/> (DHCPACK of a renewal); replays like <see cref="Bind"/>.</summary>
    Extend = 2,

    /// <summary>Released by the client at <see cref="LeaseRecord.Time"/> (RFC 2131 §4.3.4).</summary>
    Release = 3,

    /// <summary>Declined by the client (RFC 2131 §4.3.3), quarantined until <see cref="LeaseRecord.Time"/>.</summary>
    Decline = 4,

    /// <summary>Found in use by someone else (no client), quarantined until <see cref="LeaseRecord.Time"/>.</summary>
    Conflict = 5,
}

/// <summary>
/// One change of the lease table, as the journal stores it. Expiry needs no record: a binding's
/// record carries its expiry, and the table derives "expired" from the clock.
/// </summary>
/// <param name="Address">The IPv4 address as a host-order integer (the journal stores it in network order).</param>
/// <param name="Time">Unix seconds; meaning per <see cref="LeaseRecordKind"/>.</param>
public readonly record struct LeaseRecord(LeaseRecordKind Kind, uint Address, ClientIdentity Client, long Time);

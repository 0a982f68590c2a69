using System.Net;

namespace AltoGateway.Dhcp.Leases;

/// <summary>What the server does with a DHCPREQUEST.</summary>
public enum RequestOutcome : byte
{
    /// <summary>Send DHCPACK: the lease is bound (and, from <see cref="LeaseStore"/>, on disk).</summary>
    Ack,

    /// <summary>Send DHCPNAK with <see cref="RequestDecision.NakReason"/> as its message (option 56).</summary>
    Nak,

    /// <summary>Send nothing (<see cref="RequestDecision.IgnoreReason"/> says why, for the log).</summary>
    Ignore,
}

/// <summary>Why a DHCPREQUEST gets a DHCPNAK.</summary>
public enum NakReason : byte
{
    None = 0,

    /// <summary>The address is not in this interface's subnet: the client moved (RFC 2131 §4.3.2 "wrong network").</summary>
    WrongNetwork,

    /// <summary>The address is bound, offered or reserved to another client.</summary>
    AddressInUse,

    /// <summary>The address is in the subnet but never handed out (excluded, the server's, network or broadcast, outside the ranges).</summary>
    AddressNotInPool,

    /// <summary>The address is quarantined (declined, or found in use by a probe).</summary>
    AddressQuarantined,

    /// <summary>The server has another address for this client (its binding or its reservation): RFC 2131 §4.3.2 "client's notion of its IP address is not correct".</summary>
    NotClientsAddress,

    /// <summary>RENEWING: the server holds no lease of this client on ciaddr.</summary>
    NoSuchLease,
}

/// <summary>Why a DHCPREQUEST gets no answer.</summary>
public enum IgnoreReason : byte
{
    None = 0,

    /// <summary>SELECTING with another server's identifier: the client took another offer (RFC 2131 §4.3.2); our offer is withdrawn.</summary>
    OtherServerSelected,

    /// <summary>INIT-REBOOT or REBINDING from a client the server has no record of: "MUST remain silent" (RFC 2131 §4.3.2), another server may own it.</summary>
    NoRecordOfClient,

    /// <summary>The fields fit none of the RFC 2131 §4.3.2 states.</summary>
    Malformed,
}

/// <summary>The answer to a DHCPREQUEST: ACK with the bound address and its expiry, NAK with a reason, or silence.</summary>
public readonly record struct RequestDecision(RequestOutcome Outcome, IPAddress? Address, DateTimeOffset Expiry, NakReason NakReason, IgnoreReason IgnoreReason)
{
    public static RequestDecision Ack(IPAddress address, DateTimeOffset expiry) => new(RequestOutcome.Ack, address, expiry, NakReason.None, IgnoreReason.None);

    public static RequestDecision Nak(NakReason reason) => new(RequestOutcome.Nak, null, default, reason, IgnoreReason.None);

    public static RequestDecision Ignore(IgnoreReason reason) => new(RequestOutcome.Ignore, null, default, NakReason.None, reason);

    /// <summary>The lease time to put in option 51 of the ACK, counted from <paramref name="now"/>.</summary>
    public TimeSpan LeaseTimeFrom(DateTimeOffset now) => Expiry > now ? Expiry - now : TimeSpan.Zero;
}

/// <summary>The answer to a DHCPRELEASE, DHCPDECLINE or a conflict report.</summary>
public enum LeaseChangeOutcome : byte
{
    /// <summary>Done (and, from <see cref="LeaseStore"/>, on disk).</summary>
    Applied,

    /// <summary>Nothing to do: the address is not this client's (RFC 2131 §4.3.3/§4.3.4 act on the client's own lease only).</summary>
    NotClientsAddress,

    /// <summary>Nothing to do: the address is outside the subnet or never handed out.</summary>
    NotInPool,

    /// <summary>A conflict report about an address bound to a client: left alone, the client keeps it.</summary>
    AddressBound,
}

using System.Net;

namespace AltoGateway.Dhcp.Leases;

/// <summary>
/// One interface's address plan, as configured: the subnet, the ranges handed out dynamically, the
/// addresses never handed out, and the static reservations. <see cref="LeasePool.TryCreate"/> checks it.
/// </summary>
public sealed class LeasePoolSettings
{
    /// <summary>The subnet's network address (e.g. 192.168.1.0).</summary>
    public IPAddress Subnet { get; set; } = IPAddress.Any;

    /// <summary>The subnet's prefix length, 16 to 30 (the table keeps a few bytes per address of the subnet).</summary>
    public int PrefixLength { get; set; } = 24;

    /// <summary>The server's own address on the interface (option 54, RFC 2132 §9.7); never handed out.</summary>
    public IPAddress ServerAddress { get; set; } = IPAddress.Any;

    /// <summary>Inclusive ranges handed out to clients without a reservation.</summary>
    public IList<LeaseRange> Ranges { get; } = [];

    /// <summary>Addresses inside the ranges that are never handed out (a printer with a fixed address, …).</summary>
    public IList<IPAddress> Excluded { get; } = [];

    /// <summary>Static reservations: each address goes to its client only, inside or outside the ranges.</summary>
    public IList<LeaseReservation> Reservations { get; } = [];
}

/// <summary>An inclusive range of IPv4 addresses.</summary>
public readonly record struct LeaseRange(IPAddress First, IPAddress Last);

/// <summary>
/// A static reservation: <see cref="Address"/> belongs to <see cref="Client"/>, which is matched
/// against a client's identity (option 61 or htype+chaddr) and against its hardware address, so a
/// reservation made by MAC (<see cref="ClientIdentity.FromEthernet"/>) also holds for a client that
/// sends a DUID-based client identifier.
/// </summary>
public readonly record struct LeaseReservation(ClientIdentity Client, IPAddress Address);

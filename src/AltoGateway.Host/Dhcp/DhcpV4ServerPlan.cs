using System.Net;
using AltoGateway.Dhcp.Leases;
using AltoGateway.Dhcp.ServerMode;
using AltoGateway.Host.Configuration;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// Server mode's settings of one interface (<see cref="DhcpInterfaceOptions"/>, already validated) turned into
/// the lease pool, the lease times and the options the server hands out.
/// </summary>
internal static class DhcpV4ServerPlan
{
    /// <summary>
    /// The pool, with the interface's address inside <c>Subnet</c> as server address (option 54, never handed out);
    /// null with the reason when the interface has no such address or the plan does not hold.
    /// </summary>
    public static LeasePool? TryCreatePool(DhcpInterfaceOptions nic, IReadOnlyList<IPAddress> interfaceAddresses, out string problem)
    {
        problem = string.Empty;
        if (!DhcpAddressText.TryParseSubnet(nic.Subnet, out var subnet))
        {
            problem = $"'{nic.Subnet}' is not a subnet";
            return null;
        }

        var server = interfaceAddresses.FirstOrDefault(subnet.Contains);
        if (server is null)
        {
            problem = $"interface '{nic.Name}' has no address in {nic.Subnet} to answer from (server identifier, RFC 2132 §9.7)";
            return null;
        }

        var settings = new LeasePoolSettings { Subnet = subnet.BaseAddress, PrefixLength = subnet.PrefixLength, ServerAddress = server };
        foreach (var range in nic.Pools)
        {
            if (DhcpAddressText.TryParseRange(range, out var first, out var last))
            {
                settings.Ranges.Add(new LeaseRange(first, last));
            }
        }

        foreach (var reservation in nic.Reservations)
        {
            if (!DhcpAddressText.TryParseV4(reservation.Address, out var address))
            {
                continue;
            }

            if (reservation.Mac.Length > 0 && DhcpAddressText.TryParseOctets(reservation.Mac, out var mac))
            {
                settings.Reservations.Add(new LeaseReservation(ClientIdentity.FromEthernet(mac), address));
            }
            else if (DhcpAddressText.TryParseOctets(reservation.ClientId, out var id))
            {
                settings.Reservations.Add(new LeaseReservation(ClientIdentity.FromClientIdentifier(id), address));
            }
        }

        if (!LeasePool.TryCreate(settings, out var pool, out var errors))
        {
            problem = string.Join("; ", errors);
            return null;
        }

        return pool;
    }

    /// <summary>The lease given is <c>LeaseTime</c>, also the longest a client may ask for; offers are held <c>OfferHold</c>.</summary>
    public static LeaseTimes Times(DhcpInterfaceOptions nic) => new()
    {
        LeaseTime = nic.LeaseTime,
        MaxLeaseTime = nic.LeaseTime,
        OfferHold = nic.OfferHold,
    };

    /// <summary>Options 3, 6 and 15.</summary>
    public static DhcpV4ServerSettings Settings(DhcpInterfaceOptions nic) => new()
    {
        Router = DhcpAddressText.TryParseV4(nic.Router, out var router) ? router : null,
        DnsServers = [.. nic.DnsServers.Select(s => DhcpAddressText.TryParseV4(s, out var dns) ? dns : null).OfType<IPAddress>()],
        DomainName = nic.DomainName.Length > 0 ? nic.DomainName : null,
    };

    /// <summary>What can be handed out: the addresses of the ranges (less exclusions) and the reservations.</summary>
    public static int PoolSize(LeasePool pool) => pool.PoolableCount + pool.ReservationCount;
}

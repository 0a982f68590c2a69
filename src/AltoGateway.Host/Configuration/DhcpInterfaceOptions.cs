using System.ComponentModel.DataAnnotations;
using System.Net;
using AltoGateway.Discovery.AccessDomains;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// One interface of the <c>Dhcp:Interfaces</c> list: its name and role, the DHCPv4 and DHCPv6 modes, and the
/// address plan and relay settings the server and relay modes use.
/// </summary>
internal sealed class DhcpInterfaceOptions
{
    /// <summary>The kernel's name of the interface (<c>br-lan</c>, <c>eth1</c>): what SO_BINDTODEVICE takes.</summary>
    public string Name { get; set; } = string.Empty;

    public DhcpInterfaceRole Role { get; set; } = DhcpInterfaceRole.Lan;

    public DhcpV4Mode V4Mode { get; set; } = DhcpV4Mode.Off;

    public DhcpV6Mode V6Mode { get; set; } = DhcpV6Mode.Off;

    /// <summary>Server mode: the subnet served, <c>192.168.1.0/24</c> (prefix 16 to 30).</summary>
    public string Subnet { get; set; } = string.Empty;

    /// <summary>Server mode: the ranges handed out, <c>192.168.1.100-192.168.1.199</c>.</summary>
    public IList<string> Pools { get; set; } = [];

    /// <summary>Server mode: fixed addresses by MAC or client identifier.</summary>
    public IList<DhcpReservationOptions> Reservations { get; set; } = [];

    /// <summary>Server mode: the default gateway (option 3); empty: none sent.</summary>
    public string Router { get; set; } = string.Empty;

    /// <summary>Server mode: DNS servers (option 6).</summary>
    public IList<string> DnsServers { get; set; } = [];

    /// <summary>Server mode: the domain name (option 15).</summary>
    public string DomainName { get; set; } = string.Empty;

    /// <summary>Server mode: the lease time given (option 51).</summary>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Server mode: how long an offered address waits for the client's DHCPREQUEST.</summary>
    public TimeSpan OfferHold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Relay mode: where to relay and what option 82 to add.</summary>
    public DhcpRelayOptions Relay { get; set; } = new();

    /// <summary>Every problem of this interface, keyed below <paramref name="key"/> (<c>Interfaces:0</c>).</summary>
    public IEnumerable<ValidationResult> Validate(string key)
    {
        if (Name.Length is 0 or > 15 || Name.Any(c => c is '/' or ':' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            yield return Problem($"'{Name}' is not an interface name (1 to 15 characters, no '/', ':' or spaces)", key, nameof(Name));
        }

        if (!Enum.IsDefined(Role))
        {
            yield return Problem($"'{Role}' is not a role (Lan or Wan)", key, nameof(Role));
        }

        if (!Enum.IsDefined(V4Mode))
        {
            yield return Problem($"'{V4Mode}' is not a mode (Off, Server, Relay or Inform)", key, nameof(V4Mode));
        }

        if (!Enum.IsDefined(V6Mode))
        {
            yield return Problem($"'{V6Mode}' is not a mode (Off or Stateless)", key, nameof(V6Mode));
        }

        foreach (var problem in ValidateAddressPlan(key).Concat(Relay.Validate($"{key}:{nameof(Relay)}", V4Mode == DhcpV4Mode.Relay)))
        {
            yield return problem;
        }
    }

    private IEnumerable<ValidationResult> ValidateAddressPlan(string key)
    {
        var server = V4Mode == DhcpV4Mode.Server;
        IPNetwork? subnet = null;
        if (Subnet.Length > 0 || server)
        {
            if (!DhcpAddressText.TryParseSubnet(Subnet, out var parsed))
            {
                yield return Problem(Subnet.Length == 0 ? "is needed in Server mode" : $"'{Subnet}' is not an IPv4 subnet such as 192.168.1.0/24 (no host bits set)", key, nameof(Subnet));
            }
            else if (parsed.PrefixLength is < 16 or > 30)
            {
                yield return Problem($"'{Subnet}' has a prefix of /{parsed.PrefixLength}; a served subnet is /16 to /30", key, nameof(Subnet));
            }
            else
            {
                subnet = parsed;
            }
        }

        if (server && Pools.Count == 0 && Reservations.Count == 0)
        {
            yield return Problem("is needed in Server mode (or Reservations): ranges such as 192.168.1.100-192.168.1.199", key, nameof(Pools));
        }

        var ranges = new List<(uint First, uint Last, int Index)>();
        for (var i = 0; i < Pools.Count; i++)
        {
            if (!DhcpAddressText.TryParseRange(Pools[i], out var first, out var last))
            {
                yield return Problem($"'{Pools[i]}' is not a range FIRST-LAST of IPv4 addresses, FIRST not above LAST", key, $"{nameof(Pools)}:{i}");
                continue;
            }

            if (subnet is { } net && !(Usable(net, first) && Usable(net, last)))
            {
                yield return Problem($"'{Pools[i]}' is not inside {Subnet} without its network and broadcast addresses", key, $"{nameof(Pools)}:{i}");
                continue;
            }

            var (low, high) = (DhcpAddressText.ToUInt32(first), DhcpAddressText.ToUInt32(last));
            var overlap = ranges.FindIndex(r => r.First <= high && low <= r.Last);
            if (overlap >= 0)
            {
                yield return Problem($"'{Pools[i]}' overlaps {nameof(Pools)}:{ranges[overlap].Index}", key, $"{nameof(Pools)}:{i}");
            }

            ranges.Add((low, high, i));
        }

        var addresses = new Dictionary<IPAddress, int>();
        var clients = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Reservations.Count; i++)
        {
            var reservation = Reservations[i];
            var at = $"{key}:{nameof(Reservations)}:{i}";
            foreach (var problem in reservation.Validate(at))
            {
                yield return problem;
            }

            if (DhcpAddressText.TryParseV4(reservation.Address, out var address))
            {
                if (subnet is { } net && !Usable(net, address))
                {
                    yield return Problem($"'{reservation.Address}' is not a host address of {Subnet}", at, nameof(DhcpReservationOptions.Address));
                }
                else if (!addresses.TryAdd(address, i))
                {
                    yield return Problem($"'{reservation.Address}' is already reserved by {nameof(Reservations)}:{addresses[address]}", at, nameof(DhcpReservationOptions.Address));
                }
            }

            if (reservation.ClientKey() is { } client && !clients.TryAdd(client, i))
            {
                yield return Problem($"this client already has {nameof(Reservations)}:{clients[client]}", at, reservation.Mac.Length > 0 ? nameof(DhcpReservationOptions.Mac) : nameof(DhcpReservationOptions.ClientId));
            }
        }

        if (Router.Length > 0)
        {
            if (!DhcpAddressText.TryParseV4(Router, out var router))
            {
                yield return Problem($"'{Router}' is not an IPv4 address", key, nameof(Router));
            }
            else if (subnet is { } net && !Usable(net, router))
            {
                yield return Problem($"'{Router}' is not a host address of {Subnet}: clients could not reach it", key, nameof(Router));
            }
        }

        for (var i = 0; i < DnsServers.Count; i++)
        {
            if (!DhcpAddressText.TryParseV4(DnsServers[i], out _))
            {
                yield return Problem($"'{DnsServers[i]}' is not an IPv4 address", key, $"{nameof(DnsServers)}:{i}");
            }
        }

        if (DomainName.Length > 0 && !AccessDomainName.TryCreate(DomainName, out _, out var error))
        {
            yield return Problem($"'{DomainName}' is not a domain name ({error})", key, nameof(DomainName));
        }

        if (LeaseTime < TimeSpan.FromMinutes(1) || LeaseTime > TimeSpan.FromDays(365))
        {
            yield return Problem("must be between 00:01:00 and 365.00:00:00", key, nameof(LeaseTime));
        }

        if (OfferHold < TimeSpan.FromSeconds(1) || OfferHold > TimeSpan.FromMinutes(10))
        {
            yield return Problem("must be between 00:00:01 and 00:10:00", key, nameof(OfferHold));
        }
    }

    /// <summary>An address of the subnet that is neither its network nor its broadcast address.</summary>
    private static bool Usable(IPNetwork subnet, IPAddress address)
    {
        if (!subnet.Contains(address))
        {
            return false;
        }

        var value = DhcpAddressText.ToUInt32(address);
        var hostMask = subnet.PrefixLength == 0 ? uint.MaxValue : (1u << (32 - subnet.PrefixLength)) - 1;
        return (value & hostMask) != 0 && (value & hostMask) != hostMask;
    }

    internal static ValidationResult Problem(string message, string key, string member) => new(message, [$"{key}:{member}"]);
}

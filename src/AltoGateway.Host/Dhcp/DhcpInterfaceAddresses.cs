using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// What the kernel says about one interface now: its index and its IPv4 addresses with their prefixes. Read again
/// at most every few seconds (addresses come and go on a router), on the receive path only.
/// </summary>
internal sealed class DhcpInterfaceAddresses(string name, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private long _readAt;

    public string Name => name;

    /// <summary>The interface now, or null when it does not exist.</summary>
    public Snapshot? Current()
    {
        lock (_gate)
        {
            if (_snapshot is null || time.GetElapsedTime(_readAt) > MaxAge)
            {
                _snapshot = Read(name);
                _readAt = time.GetTimestamp();
            }

            return _snapshot;
        }
    }

    /// <summary>Reads the interface at once (when a socket is opened).</summary>
    public static Snapshot? Read(string name)
    {
        var nic = NetworkInterface.GetAllNetworkInterfaces().FirstOrDefault(n => n.Name == name);
        if (nic is null)
        {
            return null;
        }

        var properties = nic.GetIPProperties();
        var v4 = properties.UnicastAddresses
            .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork)
            .Select(a => new InterfaceAddress(a.Address, a.PrefixLength))
            .ToArray();
        var index = nic.Supports(NetworkInterfaceComponent.IPv6) ? properties.GetIPv6Properties().Index
            : nic.Supports(NetworkInterfaceComponent.IPv4) ? properties.GetIPv4Properties().Index
            : 0;
        return new Snapshot(index, v4);
    }

    /// <summary>One reading of the interface.</summary>
    /// <param name="Index">The kernel's interface index.</param>
    /// <param name="Ipv4">Its IPv4 addresses, each with its prefix length.</param>
    internal sealed record Snapshot(int Index, IReadOnlyList<InterfaceAddress> Ipv4)
    {
        /// <summary>
        /// The address to answer <paramref name="client"/> from (the server identifier, RFC 2132 §9.7): the one the
        /// message was sent to when that is ours, else the one whose subnet holds the client, else the first.
        /// </summary>
        public IPAddress? ServerAddressFor(IPAddress client, IPAddress arrivedAt)
        {
            return Ipv4.Where(a => a.Address.Equals(arrivedAt))
                .Concat(Ipv4.Where(a => a.OnLink(client)))
                .Concat(Ipv4)
                .Select(a => a.Address)
                .FirstOrDefault();
        }
    }
}

/// <summary>An address of an interface and the prefix length of its subnet.</summary>
internal readonly record struct InterfaceAddress(IPAddress Address, int PrefixLength)
{
    /// <summary>Whether <paramref name="other"/> is in this address's subnet.</summary>
    public bool OnLink(IPAddress other)
    {
        if (other.AddressFamily != Address.AddressFamily || other.Equals(IPAddress.Any))
        {
            return false;
        }

        var mine = Address.GetAddressBytes();
        var theirs = other.GetAddressBytes();
        for (var i = 0; i < mine.Length; i++)
        {
            var bits = Math.Clamp(PrefixLength - (i * 8), 0, 8);
            var mask = (byte)(0xFF << (8 - bits));
            if ((mine[i] & mask) != (theirs[i] & mask))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace AltoGateway.Dhcp.Leases;

/// <summary>
/// A checked address plan: every address of the subnet has an offset (address − network) and a
/// flag byte saying whether it may be handed out dynamically or is reserved. The network and
/// broadcast addresses, the server's own address and the excluded ones are never poolable; a
/// reserved address is never poolable either — it goes to its owner only.
/// </summary>
public sealed class LeasePool
{
    public const int MinPrefixLength = 16;
    public const int MaxPrefixLength = 30;

    private const byte Poolable = 1;
    private const byte Reserved = 2;

    private readonly byte[] _flags;
    private readonly Dictionary<int, ClientIdentity> _ownerByOffset;
    private readonly Dictionary<ClientIdentity, int> _offsetByOwner;

    private LeasePool(uint network, int prefixLength, IPAddress server, byte[] flags, Dictionary<int, ClientIdentity> ownerByOffset)
    {
        Network = network;
        PrefixLength = prefixLength;
        ServerAddress = server;
        _flags = flags;
        _ownerByOffset = ownerByOffset;
        _offsetByOwner = ownerByOffset.ToDictionary(r => r.Value, r => r.Key);
        PoolableCount = flags.Count(f => f == Poolable);
    }

    internal uint Network { get; }

    public int PrefixLength { get; }

    public IPAddress ServerAddress { get; }

    /// <summary>Addresses of the subnet, network and broadcast included: the table's slot count.</summary>
    public int Size => _flags.Length;

    /// <summary>Addresses handed out dynamically (ranges minus exclusions and reservations).</summary>
    public int PoolableCount { get; }

    public int ReservationCount => _ownerByOffset.Count;

    /// <summary>Checks <paramref name="settings"/>; every problem is reported at once, and no pool is made when there is one.</summary>
    public static bool TryCreate(LeasePoolSettings settings, [NotNullWhen(true)] out LeasePool? pool, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        pool = null;
        if (!IPv4.TryToUInt32(settings.Subnet, out var network))
        {
            problems.Add($"subnet {settings.Subnet} is not an IPv4 address");
        }

        if (settings.PrefixLength is < MinPrefixLength or > MaxPrefixLength)
        {
            problems.Add($"prefix length {settings.PrefixLength} is outside {MinPrefixLength}..{MaxPrefixLength}");
        }

        if (problems.Count > 0)
        {
            errors = problems;
            return false;
        }

        var mask = uint.MaxValue << (32 - settings.PrefixLength);
        if ((network & ~mask) != 0)
        {
            problems.Add($"{settings.Subnet}/{settings.PrefixLength} has host bits set");
            network &= mask;
        }

        var flags = new byte[1 << (32 - settings.PrefixLength)];
        bool TryOffset(IPAddress? address, out int offset)
        {
            offset = -1;
            if (!IPv4.TryToUInt32(address, out var value) || (value & mask) != network)
            {
                return false;
            }

            offset = (int)(value - network);
            return true;
        }

        if (!IPv4.TryToUInt32(settings.ServerAddress, out _) || settings.ServerAddress.Equals(IPAddress.Any))
        {
            problems.Add("the server address must be an IPv4 address other than 0.0.0.0");
        }

        foreach (var range in settings.Ranges)
        {
            if (!TryOffset(range.First, out var first) || !TryOffset(range.Last, out var last))
            {
                problems.Add($"range {range.First}-{range.Last} is not inside {settings.Subnet}/{settings.PrefixLength}");
            }
            else if (first > last)
            {
                problems.Add($"range {range.First}-{range.Last} ends before it starts");
            }
            else
            {
                flags.AsSpan(first, last - first + 1).Fill(Poolable);
            }
        }

        // Never poolable: network and broadcast address, the server's address, exclusions.
        flags[0] = 0;
        flags[^1] = 0;
        if (TryOffset(settings.ServerAddress, out var serverOffset))
        {
            flags[serverOffset] = 0;
        }

        var excluded = new HashSet<int>();
        foreach (var address in settings.Excluded)
        {
            if (TryOffset(address, out var offset))
            {
                flags[offset] = 0;
                excluded.Add(offset);
            }
            else
            {
                problems.Add($"excluded address {address} is not inside {settings.Subnet}/{settings.PrefixLength}");
            }
        }

        var owners = new Dictionary<int, ClientIdentity>();
        var clients = new HashSet<ClientIdentity>();
        foreach (var reservation in settings.Reservations)
        {
            if (reservation.Client.IsEmpty)
            {
                problems.Add($"the reservation of {reservation.Address} names no client");
            }
            else if (!clients.Add(reservation.Client))
            {
                problems.Add($"client {reservation.Client} has more than one reservation");
            }

            if (!TryOffset(reservation.Address, out var offset))
            {
                problems.Add($"reserved address {reservation.Address} is not inside {settings.Subnet}/{settings.PrefixLength}");
            }
            else if (offset == 0 || offset == flags.Length - 1 || offset == serverOffset || excluded.Contains(offset))
            {
                problems.Add($"reserved address {reservation.Address} is the network, broadcast, server or an excluded address");
            }
            else if (!owners.TryAdd(offset, reservation.Client))
            {
                problems.Add($"address {reservation.Address} is reserved twice");
            }
            else
            {
                flags[offset] = Reserved;
            }
        }

        errors = problems;
        if (problems.Count > 0)
        {
            return false;
        }

        pool = new LeasePool(network, settings.PrefixLength, settings.ServerAddress, flags, owners);
        return true;
    }

    /// <summary>The offset of <paramref name="address"/> in the subnet, or false when it is outside (or not IPv4).</summary>
    public bool TryGetOffset(IPAddress? address, out int offset)
    {
        offset = -1;
        if (!IPv4.TryToUInt32(address, out var value) || value - Network >= (uint)_flags.Length)
        {
            return false;
        }

        offset = (int)(value - Network);
        return true;
    }

    public IPAddress AddressAt(int offset) => IPv4.ToAddress(Network + (uint)offset);

    public bool Contains(IPAddress? address) => TryGetOffset(address, out _);

    /// <summary>May <paramref name="offset"/> be handed out to a client without a reservation?</summary>
    public bool IsPoolable(int offset) => _flags[offset] == Poolable;

    /// <summary>The reservation's owner when <paramref name="offset"/> is reserved.</summary>
    public bool TryGetReservedOwner(int offset, out ClientIdentity owner) => _ownerByOffset.TryGetValue(offset, out owner);

    /// <summary>The reserved offset of <paramref name="client"/>: by its identity first, then by its hardware address.</summary>
    public bool TryGetReservation(LeaseClient client, out int offset) =>
        _offsetByOwner.TryGetValue(client.Identity, out offset)
        || (!client.Hardware.IsEmpty && _offsetByOwner.TryGetValue(client.Hardware, out offset));

    /// <summary>Is <paramref name="offset"/> reserved for <paramref name="client"/> (by identity or hardware)?</summary>
    public bool IsReservedFor(int offset, LeaseClient client) =>
        _ownerByOffset.TryGetValue(offset, out var owner) && (owner == client.Identity || (!client.Hardware.IsEmpty && owner == client.Hardware));
}

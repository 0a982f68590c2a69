using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace AltoGateway.Nat.Map;

/// <summary>
/// An IP address as two 64-bit halves, IPv4 in its IPv4-mapped IPv6 form (RFC 4291 §2.5.5.2),
/// so that the map hashes and compares addresses without allocating.
/// </summary>
internal readonly record struct AddressKey(ulong High, ulong Low)
{
    private const ulong MappedIPv4High = 0;
    private const ulong MappedIPv4LowPrefix = 0x0000_FFFF_0000_0000;

    public static AddressKey From(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes, out _);
            return new AddressKey(MappedIPv4High, MappedIPv4LowPrefix | BinaryPrimitives.ReadUInt32BigEndian(bytes));
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return From(address.MapToIPv4());
        }

        address.TryWriteBytes(bytes, out _);
        return new AddressKey(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }

    /// <summary>A well-mixed hash (the 64-bit finaliser of MurmurHash3) of the key and a small tweak.</summary>
    public int Hash(ulong tweak)
    {
        var h = High * 0x9E3779B97F4A7C15UL ^ Low ^ (tweak * 0xC2B2AE3D27D4EB4FUL);
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return (int)h & int.MaxValue;
    }
}

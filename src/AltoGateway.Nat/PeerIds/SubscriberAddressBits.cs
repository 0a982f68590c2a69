using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace AltoGateway.Nat.PeerIds;

/// <summary>
/// A subscriber address as the 16 bytes a peer-ID tag is computed over: IPv6 as is (scope dropped),
/// IPv4 as IPv4-mapped IPv6 (RFC 4291 §2.5.5.2), so 10.0.0.1 and ::ffff:10.0.0.1 are one subscriber.
/// </summary>
internal static class SubscriberAddressBits
{
    private static readonly UInt128 MappedPrefix = (UInt128)0xFFFF << 32;
    private static readonly UInt128 MappedMask = ~(UInt128)uint.MaxValue;

    public static UInt128 From(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes, out _);
            return MappedPrefix | BinaryPrimitives.ReadUInt32BigEndian(bytes);
        }

        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    public static void Write(UInt128 bits, Span<byte> destination) =>
        BinaryPrimitives.WriteUInt128BigEndian(destination, bits);

    public static IPAddress ToAddress(UInt128 bits)
    {
        if ((bits & MappedMask) == MappedPrefix)
        {
            return new IPAddress(BinaryPrimitives.ReverseEndianness((uint)bits));
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, bits);
        return new IPAddress(bytes);
    }
}

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace AltoGateway.Dhcp.Leases;

/// <summary>IPv4 addresses as host-order integers, the form the lease table computes with.</summary>
internal static class IPv4
{
    public static bool TryToUInt32(IPAddress? address, out uint value)
    {
        value = 0;
        if (address is null || address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        value = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        return true;
    }

    public static IPAddress ToAddress(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }
}

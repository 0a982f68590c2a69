using System.Buffers.Binary;

namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// <c>struct nfgenmsg</c> (linux/netfilter/nfnetlink.h), the 4-byte family header of every nfnetlink
/// message: address family, nfnetlink version (<c>NFNETLINK_V0</c>) and a big-endian resource id.
/// </summary>
public readonly record struct NfGenMessage(ConntrackAddressFamily Family, byte Version, ushort ResourceId)
{
    public const int Size = 4;

    /// <summary><c>NFNETLINK_V0</c>.</summary>
    public const byte Version0 = 0;

    public static bool TryRead(ReadOnlySpan<byte> payload, out NfGenMessage message)
    {
        if (payload.Length < Size)
        {
            message = default;
            return false;
        }

        message = new NfGenMessage((ConntrackAddressFamily)payload[0], payload[1], BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            return false;
        }

        destination[0] = (byte)Family;
        destination[1] = Version;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], ResourceId);
        return true;
    }
}

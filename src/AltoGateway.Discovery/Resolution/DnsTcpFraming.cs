using System.Buffers.Binary;

namespace AltoGateway.Discovery.Resolution;

/// <summary>RFC 1035 §4.2.2: over TCP every message is preceded by its length as a two-octet big-endian field.</summary>
public static class DnsTcpFraming
{
    /// <summary>The length of the prefix.</summary>
    public const int PrefixLength = 2;

    /// <summary>The message with its length prefix; a message over 65,535 octets is caller misuse.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(message.Length, ushort.MaxValue, nameof(message));
        var framed = new byte[PrefixLength + message.Length];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
        message.CopyTo(framed.AsSpan(PrefixLength));
        return framed;
    }

    /// <summary>The length a prefix announces.</summary>
    public static int ReadLength(ReadOnlySpan<byte> prefix) => BinaryPrimitives.ReadUInt16BigEndian(prefix);
}

using System.Buffers;
using System.Buffers.Binary;

namespace AltoGateway.Dhcp.V6;

/// <summary>Writes a DHCPv6 message (RFC 8415 §8, §9): the header, then every option in order, octet for octet.</summary>
public static class DhcpV6Writer
{
    /// <summary>The length of <paramref name="message"/> on the wire.</summary>
    public static int GetLength(DhcpV6Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var length = message is DhcpV6RelayMessage ? DhcpV6RelayMessage.HeaderLength : DhcpV6Reader.HeaderLength;
        foreach (var option in message.Options)
        {
            length += 4 + option.Data.Length;
        }

        return length;
    }

    /// <summary>Writes <paramref name="message"/>; <see cref="OperationStatus.DestinationTooSmall"/> when it does not fit.</summary>
    public static OperationStatus TryWrite(DhcpV6Message message, Span<byte> destination, out int written)
    {
        written = 0;
        var length = GetLength(message);
        if (length > destination.Length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)message.MessageType;
        var position = WriteHeader(message, destination);
        foreach (var option in message.Options)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[position..], option.Code);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(position + 2)..], (ushort)option.Data.Length);
            option.Data.Span.CopyTo(destination[(position + 4)..]);
            position += 4 + option.Data.Length;
        }

        written = position;
        return OperationStatus.Done;
    }

    /// <summary>The message as a new array.</summary>
    public static byte[] Write(DhcpV6Message message)
    {
        var buffer = new byte[GetLength(message)];
        _ = TryWrite(message, buffer, out _);
        return buffer;
    }

    private static int WriteHeader(DhcpV6Message message, Span<byte> destination)
    {
        switch (message)
        {
            case DhcpV6RelayMessage relay:
                destination[1] = relay.HopCount;
                DhcpV6Option.WriteAddress(relay.LinkAddress, destination.Slice(2, 16));
                DhcpV6Option.WriteAddress(relay.PeerAddress, destination.Slice(18, 16));
                return DhcpV6RelayMessage.HeaderLength;
            case DhcpV6ClientServerMessage clientServer:
                destination[1] = (byte)(clientServer.TransactionId >> 16);
                destination[2] = (byte)(clientServer.TransactionId >> 8);
                destination[3] = (byte)clientServer.TransactionId;
                return DhcpV6Reader.HeaderLength;
            default:
                throw new ArgumentException($"Unknown DHCPv6 message kind {message.GetType().Name}.", nameof(message));
        }
    }
}

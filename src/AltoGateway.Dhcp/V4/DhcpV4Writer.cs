using System.Buffers;
using System.Buffers.Binary;
using System.Net;

namespace AltoGateway.Dhcp.V4;

/// <summary>
/// Writes a DHCPv4 message (RFC 2131 §2): the header, the cookie, the options in the order of
/// <see cref="DhcpV4Message.Options"/>, End, then zeros up to the 300-octet BOOTP minimum (RFC 1542 §2.1).
/// </summary>
/// <remarks>
/// An option over 255 octets is written as consecutive instances of its code (RFC 3396 §6). Overload (52) is
/// used only when the options do not fit in the options field within the destination, and only when 'sname' and
/// 'file' are unused: the options then continue in 'file', then in 'sname' (RFC 2131 §4.1), each field ending
/// in End and padded with zeros. A relay forwarding a message unchanged never needs it (RFC 3046 §2.1).
/// </remarks>
public static class DhcpV4Writer
{
    /// <summary>The smallest BOOTP message relays and old clients accept (RFC 1542 §2.1).</summary>
    public const int MinimumLength = 300;

    /// <summary>
    /// The largest message every client accepts: a 312-octet options field (cookie included) in a 576-octet
    /// datagram, less the 28 octets of IP and UDP headers (RFC 2131 §2).
    /// </summary>
    public const int DefaultMaximumLength = 548;

    // IP (20) and UDP (8) headers: option 57 counts the whole datagram (RFC 2132 §9.10: its minimum is 576).
    private const int IpAndUdpHeaderLength = 28;

    /// <summary>
    /// Writes <paramref name="message"/> into <paramref name="destination"/>, whose length is the largest message
    /// allowed. <see cref="OperationStatus.DestinationTooSmall"/> when the options do not fit even with overload.
    /// Options with code 52 or a field longer than its size are caller misuse and throw.
    /// </summary>
    public static OperationStatus TryWrite(DhcpV4Message message, Span<byte> destination, out int written)
    {
        ArgumentNullException.ThrowIfNull(message);
        written = 0;
        var instances = DhcpV4OptionInstances.Split(message.Options);
        var optionsLength = DhcpV4OptionInstances.Length(instances);
        var room = destination.Length - DhcpV4Reader.OptionsOffset - 1; // End
        if (room < 0)
        {
            return OperationStatus.DestinationTooSmall;
        }

        WriteHeader(message, destination);
        var plan = optionsLength <= room
            ? DhcpV4OverloadPlan.None(instances.Count)
            : DhcpV4OverloadPlan.TryCreate(message, instances, room);
        if (plan is null)
        {
            return OperationStatus.DestinationTooSmall;
        }

        var end = plan.Write(instances, destination);
        var length = Math.Max(end, MinimumLength);
        if (length > destination.Length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[end..length].Clear();
        written = length;
        return OperationStatus.Done;
    }

    /// <summary>Writes a message that is known to fit in <paramref name="maximumLength"/> octets.</summary>
    public static byte[] Write(DhcpV4Message message, int maximumLength = DefaultMaximumLength)
    {
        var buffer = new byte[maximumLength];
        return TryWrite(message, buffer, out var written) == OperationStatus.Done
            ? buffer[..written]
            : throw new ArgumentException($"The message does not fit in {maximumLength} octets.", nameof(message));
    }

    /// <summary>
    /// The largest reply <paramref name="request"/>'s client accepts: its option 57 less the IP and UDP headers,
    /// never below <see cref="DefaultMaximumLength"/> (RFC 2132 §9.10 sets 576 as the least legal value).
    /// </summary>
    public static int MaximumReplyLength(DhcpV4Message request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.FindOption(DhcpV4OptionCode.MaximumMessageSize) is { } option && option.TryGetUInt16(out var size)
            ? Math.Max(size - IpAndUdpHeaderLength, DefaultMaximumLength)
            : DefaultMaximumLength;
    }

    private static void WriteHeader(DhcpV4Message message, Span<byte> destination)
    {
        destination[..DhcpV4Reader.OptionsOffset].Clear();
        destination[0] = (byte)message.Operation;
        destination[1] = message.HardwareType;
        destination[2] = message.HardwareAddressLength;
        destination[3] = message.Hops;
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], message.TransactionId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], message.Seconds);
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], message.Flags);
        WriteAddress(message.ClientAddress, destination[12..]);
        WriteAddress(message.YourAddress, destination[16..]);
        WriteAddress(message.ServerAddress, destination[20..]);
        WriteAddress(message.GatewayAddress, destination[24..]);
        CopyField(message.ClientHardwareAddressField, destination.Slice(DhcpV4Reader.ClientHardwareAddressOffset, DhcpV4Message.ClientHardwareAddressFieldLength), "chaddr");
        CopyField(message.ServerName, destination.Slice(DhcpV4Reader.ServerNameOffset, DhcpV4Message.ServerNameFieldLength), "sname");
        CopyField(message.BootFile, destination.Slice(DhcpV4Reader.BootFileOffset, DhcpV4Message.BootFileFieldLength), "file");
        BinaryPrimitives.WriteUInt32BigEndian(destination[DhcpV4Reader.MagicCookieOffset..], DhcpV4Reader.MagicCookie);
    }

    private static void WriteAddress(IPAddress address, Span<byte> destination) => DhcpV4Option.WriteAddress(address, destination[..4]);

    private static void CopyField(ReadOnlyMemory<byte> value, Span<byte> field, string name)
    {
        if (value.Length > field.Length)
        {
            throw new ArgumentException($"'{name}' holds at most {field.Length} octets, not {value.Length} (RFC 2131 §2).", nameof(value));
        }

        value.Span.CopyTo(field);
    }
}

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AltoGateway.Dhcp.Options;

namespace AltoGateway.Dhcp.V4;

/// <summary>
/// One DHCPv4 option: a code and its data, whatever their length. On the wire an option longer than 255 octets
/// travels as several instances of the same code (RFC 3396 §6); the reader joins them and the writer splits them,
/// so <see cref="Data"/> is always the whole value. Unknown codes are kept as they came, octet for octet.
/// </summary>
public sealed class DhcpV4Option
{
    /// <summary>Creates an option; Pad and End are not options with data and are written by the writer itself.</summary>
    public DhcpV4Option(byte code, ReadOnlyMemory<byte> data)
    {
        if (code is DhcpV4OptionCode.Pad or DhcpV4OptionCode.End)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "Pad (0) and End (255) carry no data (RFC 2132 §3.1–3.2).");
        }

        Code = code;
        Data = data;
    }

    /// <summary>The option code.</summary>
    public byte Code { get; }

    /// <summary>The whole value, without code and length octets.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>An option holding one IPv4 address (1, 50, 54).</summary>
    public static DhcpV4Option FromAddress(byte code, IPAddress address) => FromAddresses(code, [address]);

    /// <summary>An option holding a list of IPv4 addresses in order of preference (3, 6).</summary>
    public static DhcpV4Option FromAddresses(byte code, IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var data = new byte[addresses.Count * 4];
        for (var i = 0; i < addresses.Count; i++)
        {
            WriteAddress(addresses[i], data.AsSpan(i * 4, 4));
        }

        return new DhcpV4Option(code, data);
    }

    /// <summary>A 32-bit unsigned value in network order (51, 58, 59).</summary>
    public static DhcpV4Option FromUInt32(byte code, uint value)
    {
        var data = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(data, value);
        return new DhcpV4Option(code, data);
    }

    /// <summary>A 16-bit unsigned value in network order (57).</summary>
    public static DhcpV4Option FromUInt16(byte code, ushort value)
    {
        var data = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(data, value);
        return new DhcpV4Option(code, data);
    }

    /// <summary>NVT ASCII text without a terminating NUL (12, 15; RFC 2132 §2).</summary>
    public static DhcpV4Option FromText(byte code, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Ascii.IsValid(text))
        {
            throw new ArgumentException("DHCP text options are NVT ASCII (RFC 2132 §2).", nameof(text));
        }

        return new DhcpV4Option(code, Encoding.ASCII.GetBytes(text));
    }

    /// <summary>
    /// Option 61 (RFC 2132 §9.14): a type octet (1 Ethernet, 0 not a hardware address, 255 IAID and DUID per RFC 4361)
    /// and the identifier; at least two octets in all.
    /// </summary>
    public static DhcpV4Option ClientIdentifier(byte type, ReadOnlySpan<byte> identifier)
    {
        if (identifier.IsEmpty)
        {
            throw new ArgumentException("A client identifier has at least one octet after its type (RFC 2132 §9.14).", nameof(identifier));
        }

        return new DhcpV4Option(DhcpV4OptionCode.ClientIdentifier, (byte[])[type, .. identifier]);
    }

    /// <summary>The type and identifier of option 61; false when it is shorter than two octets.</summary>
    public bool TryGetClientIdentifier(out byte type, out ReadOnlyMemory<byte> identifier)
    {
        type = 0;
        identifier = default;
        if (Data.Length < 2)
        {
            return false;
        }

        type = Data.Span[0];
        identifier = Data[1..];
        return true;
    }

    /// <summary>The one IPv4 address this option holds.</summary>
    public bool TryGetAddress(out IPAddress address)
    {
        address = IPAddress.None;
        if (Data.Length != 4)
        {
            return false;
        }

        address = new IPAddress(Data.Span);
        return true;
    }

    /// <summary>The IPv4 addresses this option holds: at least one, the length a multiple of 4 (RFC 2132 §3.5).</summary>
    public bool TryGetAddresses(out IReadOnlyList<IPAddress> addresses) => AddressListData.TryRead(Data.Span, 4, out addresses);

    /// <summary>The 32-bit value this option holds.</summary>
    public bool TryGetUInt32(out uint value)
    {
        value = 0;
        if (Data.Length != 4)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt32BigEndian(Data.Span);
        return true;
    }

    /// <summary>The 16-bit value this option holds.</summary>
    public bool TryGetUInt16(out ushort value)
    {
        value = 0;
        if (Data.Length != 2)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(Data.Span);
        return true;
    }

    /// <summary>The text of an ASCII option; a trailing NUL some clients add is dropped (RFC 2132 §2 says not to send one).</summary>
    public string GetText()
    {
        var span = Data.Span;
        if (!span.IsEmpty && span[^1] == 0)
        {
            span = span[..^1];
        }

        return Encoding.ASCII.GetString(span);
    }

    /// <summary>Code and data in hex, for logs.</summary>
    public override string ToString() => $"{Code}: {Convert.ToHexString(Data.Span)}";

    internal static void WriteAddress(IPAddress address, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetwork || !address.TryWriteBytes(destination, out _))
        {
            throw new ArgumentException($"{address} is not an IPv4 address.", nameof(address));
        }
    }
}

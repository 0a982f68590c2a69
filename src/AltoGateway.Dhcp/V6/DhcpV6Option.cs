using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using AltoGateway.Dhcp.Options;

namespace AltoGateway.Dhcp.V6;

/// <summary>
/// One DHCPv6 option: a 16-bit code and its data (RFC 8415 §21.1). Unknown codes are kept as they came, octet
/// for octet; encapsulated options (Relay Message, vendor sub-options) stay inside <see cref="Data"/>.
/// </summary>
public sealed class DhcpV6Option
{
    /// <summary>Creates an option; its data is at most 65,535 octets (option-len is 16 bits).</summary>
    public DhcpV6Option(ushort code, ReadOnlyMemory<byte> data)
    {
        if (data.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"Option {code} holds {data.Length} octets; option-len is 16 bits (RFC 8415 §21.1).", nameof(data));
        }

        Code = code;
        Data = data;
    }

    /// <summary>The option code.</summary>
    public ushort Code { get; }

    /// <summary>The option data, without code and length.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>A 16-bit value (Elapsed Time, §21.9).</summary>
    public static DhcpV6Option FromUInt16(ushort code, ushort value)
    {
        var data = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(data, value);
        return new DhcpV6Option(code, data);
    }

    /// <summary>A 32-bit value (Information Refresh Time, §21.23).</summary>
    public static DhcpV6Option FromUInt32(ushort code, uint value)
    {
        var data = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(data, value);
        return new DhcpV6Option(code, data);
    }

    /// <summary>A list of IPv6 addresses (DNS servers, RFC 3646 §3).</summary>
    public static DhcpV6Option FromAddresses(ushort code, IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var data = new byte[addresses.Count * 16];
        for (var i = 0; i < addresses.Count; i++)
        {
            WriteAddress(addresses[i], data.AsSpan(i * 16, 16));
        }

        return new DhcpV6Option(code, data);
    }

    /// <summary>The option request option listing <paramref name="codes"/> (§21.7).</summary>
    public static DhcpV6Option OptionRequest(params ReadOnlySpan<ushort> codes)
    {
        var data = new byte[codes.Length * 2];
        for (var i = 0; i < codes.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(i * 2), codes[i]);
        }

        return new DhcpV6Option(DhcpV6OptionCode.OptionRequest, data);
    }

    /// <summary>The Relay Message option holding <paramref name="relayed"/> (§21.10).</summary>
    public static DhcpV6Option RelayMessage(DhcpV6Message relayed) => new(DhcpV6OptionCode.RelayMessage, DhcpV6Writer.Write(relayed));

    /// <summary>The 16-bit value this option holds.</summary>
    public bool TryGetUInt16(out ushort value)
    {
        value = Data.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(Data.Span) : (ushort)0;
        return Data.Length == 2;
    }

    /// <summary>The 32-bit value this option holds.</summary>
    public bool TryGetUInt32(out uint value)
    {
        value = Data.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(Data.Span) : 0;
        return Data.Length == 4;
    }

    /// <summary>The IPv6 addresses this option holds: at least one, the length a multiple of 16.</summary>
    public bool TryGetAddresses(out IReadOnlyList<IPAddress> addresses) => AddressListData.TryRead(Data.Span, 16, out addresses);

    /// <summary>The codes of an option request option, in order; false for an odd length.</summary>
    public bool TryGetCodes(out IReadOnlyList<ushort> codes)
    {
        codes = [];
        if (Data.Length % 2 != 0)
        {
            return false;
        }

        var list = new ushort[Data.Length / 2];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = BinaryPrimitives.ReadUInt16BigEndian(Data.Span[(i * 2)..]);
        }

        codes = list;
        return true;
    }

    /// <summary>Code and data in hex, for logs.</summary>
    public override string ToString() => $"{Code}: {Convert.ToHexString(Data.Span)}";

    internal static void WriteAddress(IPAddress address, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || !address.TryWriteBytes(destination, out _))
        {
            throw new ArgumentException($"{address} is not an IPv6 address.", nameof(address));
        }
    }
}

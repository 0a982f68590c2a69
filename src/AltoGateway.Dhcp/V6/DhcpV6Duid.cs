using System.Buffers.Binary;

namespace AltoGateway.Dhcp.V6;

/// <summary>
/// A DUID as carried in Client ID (1) and Server ID (2): its type and the whole value, type included, kept raw
/// because DUIDs are compared as opaque octets (RFC 8415 §11).
/// </summary>
/// <param name="Type">The 2-octet type; unknown types are allowed.</param>
/// <param name="Value">The whole DUID, type included.</param>
public readonly record struct DhcpV6Duid(DhcpV6DuidType Type, ReadOnlyMemory<byte> Value)
{
    /// <summary>§11.1: at most 128 octets after the 2-octet type.</summary>
    public const int MaximumLength = 130;

    /// <summary>Checks a DUID's length against its type (§11.1–11.4, RFC 6355 §4).</summary>
    public static bool TryRead(ReadOnlyMemory<byte> value, out DhcpV6Duid duid, out DhcpV6ReadError error)
    {
        duid = default;
        if (value.Length < 3)
        {
            error = DhcpV6ReadError.DuidTooShort;
            return false;
        }

        var type = (DhcpV6DuidType)BinaryPrimitives.ReadUInt16BigEndian(value.Span);
        var minimum = type switch
        {
            DhcpV6DuidType.LinkLayerPlusTime => 9, // type, hardware type, time, an address of at least one octet
            DhcpV6DuidType.EnterpriseNumber => 7, // type, enterprise number, an identifier of at least one octet
            DhcpV6DuidType.LinkLayer => 5, // type, hardware type, an address
            DhcpV6DuidType.Uuid => 18, // type and a 16-octet UUID, exactly
            _ => 3,
        };
        if (value.Length < minimum)
        {
            error = DhcpV6ReadError.DuidTooShort;
            return false;
        }

        if (value.Length > MaximumLength || (type == DhcpV6DuidType.Uuid && value.Length != 18))
        {
            error = DhcpV6ReadError.DuidTooLong;
            return false;
        }

        duid = new DhcpV6Duid(type, value);
        error = DhcpV6ReadError.None;
        return true;
    }

    /// <summary>A DUID-EN (§11.3): type 2, the enterprise number, the identifier.</summary>
    public static DhcpV6Duid FromEnterpriseNumber(uint enterpriseNumber, ReadOnlySpan<byte> identifier)
    {
        var value = new byte[6 + identifier.Length];
        BinaryPrimitives.WriteUInt16BigEndian(value, (ushort)DhcpV6DuidType.EnterpriseNumber);
        BinaryPrimitives.WriteUInt32BigEndian(value.AsSpan(2), enterpriseNumber);
        identifier.CopyTo(value.AsSpan(6));
        return TryRead(value, out var duid, out var error) ? duid : throw new ArgumentException($"Not a valid DUID-EN: {error}.", nameof(identifier));
    }

    /// <summary>A DUID-LL (§11.4): type 3, the hardware type (1 is Ethernet), the link-layer address.</summary>
    public static DhcpV6Duid FromLinkLayerAddress(ushort hardwareType, ReadOnlySpan<byte> address)
    {
        var value = new byte[4 + address.Length];
        BinaryPrimitives.WriteUInt16BigEndian(value, (ushort)DhcpV6DuidType.LinkLayer);
        BinaryPrimitives.WriteUInt16BigEndian(value.AsSpan(2), hardwareType);
        address.CopyTo(value.AsSpan(4));
        return TryRead(value, out var duid, out var error) ? duid : throw new ArgumentException($"Not a valid DUID-LL: {error}.", nameof(address));
    }

    /// <summary>The DUID in hex, for logs.</summary>
    public override string ToString() => Convert.ToHexString(Value.Span);
}

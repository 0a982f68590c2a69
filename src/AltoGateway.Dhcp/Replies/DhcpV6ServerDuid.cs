using System.Buffers.Binary;
using AltoGateway.Dhcp.V6;

namespace AltoGateway.Dhcp.Replies;

/// <summary>
/// The agent's DHCPv6 DUID: a DUID-UUID (RFC 6355 §4, type 4 and 16 random octets) made once and kept in the
/// state folder as hex. RFC 8415 §11 gives a server one DUID for all its interfaces that must not change; a
/// DUID-LL would change with a replaced board or a bridge whose MAC follows its ports, a DUID-LLT needs a stored
/// time anyway, so a stored UUID is the simplest stable choice.
/// </summary>
public static class DhcpV6ServerDuid
{
    /// <summary>A DUID-UUID from 16 octets.</summary>
    public static DhcpV6Duid FromUuid(ReadOnlySpan<byte> uuid)
    {
        if (uuid.Length != 16)
        {
            throw new ArgumentException("A UUID has 16 octets (RFC 6355 §4).", nameof(uuid));
        }

        var value = new byte[18];
        BinaryPrimitives.WriteUInt16BigEndian(value, (ushort)DhcpV6DuidType.Uuid);
        uuid.CopyTo(value.AsSpan(2));
        return new DhcpV6Duid(DhcpV6DuidType.Uuid, value);
    }

    /// <summary>A stored DUID: hex, surrounding white space ignored, any valid DUID type (an operator may write a DUID-LL).</summary>
    public static bool TryParse(string? text, out DhcpV6Duid duid)
    {
        duid = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length % 2 != 0 || !trimmed.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        return DhcpV6Duid.TryRead(Convert.FromHexString(trimmed), out duid, out _);
    }

    /// <summary>The stored form: lower-case hex.</summary>
    public static string Format(DhcpV6Duid duid) => Convert.ToHexStringLower(duid.Value.Span);
}

using AltoGateway.Dhcp.Options;
using AltoGateway.Dhcp.V4;
using AltoGateway.Dhcp.V6;
using AltoGateway.Discovery.AccessDomains;

namespace AltoGateway.Dhcp.Alto;

/// <summary>
/// The RFC 5986 access-domain options, the standard way to the ALTO server (RFC 7286 §3.1): DHCPv4 213 and DHCPv6
/// 57 carry one name in uncompressed RFC 1035 §3.1 wire format, and the option length is that name's length
/// (RFC 5986 §3.1–3.3). For "example.net." the DHCPv4 option is D5 0D 07 65 78 61 6D 70 6C 65 03 6E 65 74 00.
/// </summary>
public static class AccessDomainOption
{
    /// <summary>OPTION_V4_ACCESS_DOMAIN carrying <paramref name="name"/>.</summary>
    public static DhcpV4Option ForDhcpV4(AccessDomainName name) => new(DhcpV4OptionCode.AccessDomain, DnsWireName.Encode(name));

    /// <summary>OPTION_V6_ACCESS_DOMAIN carrying <paramref name="name"/>.</summary>
    public static DhcpV6Option ForDhcpV6(AccessDomainName name) => new(DhcpV6OptionCode.AccessDomain, DnsWireName.Encode(name));

    /// <summary>
    /// Reads the data of 213 or 57: exactly one name, ending in exactly one root label, with nothing after it
    /// (RFC 5986 §3.1), that is also a name the RFC 7286 lookup can ask for.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out AccessDomainName name, out DnsWireNameError error)
    {
        name = default;
        var position = 0;
        if (!DnsWireName.TryRead(data, ref position, out var text, out error))
        {
            return false;
        }

        if (position != data.Length)
        {
            error = DnsWireNameError.TrailingBytes;
            return false;
        }

        if (!AccessDomainName.TryCreate(text, out name, out _))
        {
            error = DnsWireNameError.NotAnAccessDomain;
            return false;
        }

        return true;
    }
}

using AltoGateway.Discovery.AccessDomains;
using AltoGateway.Discovery.Dns;

namespace AltoGateway.Dhcp.Options;

/// <summary>
/// Domain names in uncompressed RFC 1035 §3.1 wire format, as DHCP carries them (RFC 5986 §3.1 for 213 and 57,
/// RFC 3646 §4 / RFC 8415 §10 for the DHCPv6 domain list): length-prefixed labels ending in the root label.
/// </summary>
internal static class DnsWireName
{
    /// <summary>The wire form of a checked access domain.</summary>
    public static byte[] Encode(AccessDomainName name) =>
        name.Name is null
            ? throw new ArgumentException("The access domain name is the default value, not a name.", nameof(name))
            : DnsWireNames.Encode(name.Name);

    /// <summary>
    /// Reads one name at <paramref name="position"/> as text ("example.net."; the root alone is "."), with the DNS
    /// codec's reader. Compression pointers and the reserved label types are not allowed in DHCP (RFC 5986 §3.1,
    /// RFC 8415 §10).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, ref int position, out string name, out DnsWireNameError error)
    {
        if (DnsWireNames.TryReadUncompressed(data, ref position, out name, out var dnsError))
        {
            error = DnsWireNameError.None;
            return true;
        }

        error = dnsError switch
        {
            DnsReadError.NameTooLong => DnsWireNameError.NameTooLong,
            DnsReadError.CompressionNotAllowed or DnsReadError.BadLabel => DnsWireNameError.BadLabel,
            _ => DnsWireNameError.MissingRootLabel,
        };
        return false;
    }
}

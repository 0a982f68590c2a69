namespace AltoGateway.Discovery.Dns;

/// <summary>
/// Domain names outside a DNS message, in uncompressed RFC 1035 §3.1 wire form: length-prefixed labels
/// ending in the root label, no compression pointers. This is how DHCP carries names (RFC 5986 §3.1 for
/// the access domain, options 213 and 57; RFC 8415 §10 for DHCPv6's domain list), so the DHCP codec uses
/// the DNS codec's own name reader and writer through here.
/// </summary>
public static class DnsWireNames
{
    /// <summary>The wire form of <paramref name="name"/> ("example.net." or "example.net"); an invalid name is caller misuse.</summary>
    public static byte[] Encode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> wire = stackalloc byte[DnsNameText.MaxWireLength];
        return wire[..DnsNameText.Encode(name, wire)].ToArray();
    }

    /// <summary>
    /// Reads one name at <paramref name="position"/> and moves past it. The text is in master-file form
    /// ("example.net."; the root alone is "."; odd octets escaped). Errors: <see cref="DnsReadError.Truncated"/>
    /// (the data ends before the root label), <see cref="DnsReadError.CompressionNotAllowed"/>,
    /// <see cref="DnsReadError.BadLabel"/> (a reserved label type), <see cref="DnsReadError.NameTooLong"/>.
    /// </summary>
    public static bool TryReadUncompressed(ReadOnlySpan<byte> data, ref int position, out string name, out DnsReadError error)
    {
        if (!DnsNameReader.TryRead(data, position, data.Length, allowPointers: false, DnsReadError.Truncated, out name, out var consumed, out error))
        {
            return false;
        }

        position += consumed;
        return true;
    }
}

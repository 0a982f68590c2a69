using System.Text;

namespace AltoGateway.Discovery.Naming;

/// <summary>
/// Reverse-DNS names of the leading bits of an address: the IN-ADDR.ARPA name (RFC 1035 §3.5), one label
/// per octet, and the nibble IP6.ARPA name (RFC 3596 §2.5), one label per 4 bits; least significant first.
/// Cutting the first labels off these names is RFC 8686 §3.3's skip(s, n).
/// </summary>
internal static class ReverseDnsName
{
    /// <summary>The RFC 1035 §3.5 suffix, in lower case (names compare case-insensitively, RFC 4343).</summary>
    public const string Ipv4Suffix = "in-addr.arpa.";

    /// <summary>The RFC 3596 §2.5 suffix.</summary>
    public const string Ipv6Suffix = "ip6.arpa.";

    /// <summary>The name of the first <paramref name="octets"/> octets of <paramref name="address"/> (1 to 4).</summary>
    public static string OfIpv4(uint address, int octets)
    {
        var text = new StringBuilder(octets * 4 + Ipv4Suffix.Length);
        for (var i = octets - 1; i >= 0; i--)
        {
            text.Append((address >> (24 - (8 * i))) & 0xFF).Append('.');
        }

        return text.Append(Ipv4Suffix).ToString();
    }

    /// <summary>The name of the first <paramref name="nibbles"/> nibbles of <paramref name="address"/> (1 to 32).</summary>
    public static string OfIpv6(UInt128 address, int nibbles)
    {
        var text = new StringBuilder(nibbles * 2 + Ipv6Suffix.Length);
        for (var i = nibbles - 1; i >= 0; i--)
        {
            var nibble = (int)((address >> (124 - (4 * i))) & 0xF);
            text.Append("0123456789abcdef"[nibble]).Append('.');
        }

        return text.Append(Ipv6Suffix).ToString();
    }
}

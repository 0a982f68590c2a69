using System.Globalization;

namespace AltoGateway.Alto.Addressing;

/// <summary>
/// IPv4 text per the RFC 3986 §3.2.2 IPv4address rule, as RFC 7285 §10.4.3 requires: exactly four
/// dec-octets, each 0–255, no leading zeros, nothing else. (IPAddress.Parse accepts "1.2.3", octal
/// and hex; it must not be used here.)
/// </summary>
internal static class Ipv4Text
{
    public static bool TryParse(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        var parts = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var octet = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 3)
            {
                octet = (octet * 10) + (text[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits == 0 || octet > 255 || (digits > 1 && text[start] == '0'))
            {
                return false;
            }

            value = (value << 8) | (uint)octet;
            parts++;
            if (parts == 4)
            {
                return i == text.Length;
            }

            if (i >= text.Length || text[i] != '.')
            {
                return false;
            }

            i++;
        }
    }

    public static string Format(uint value) => string.Create(CultureInfo.InvariantCulture,
        $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}");
}

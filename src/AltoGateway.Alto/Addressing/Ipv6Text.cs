using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AltoGateway.Alto.Addressing;

/// <summary>
/// IPv6 text (RFC 7285 §10.4.3 → RFC 5952). Any RFC 4291 §2.2 text is read (upper case, leading
/// zeros, embedded IPv4); output is always the RFC 5952 §4 canonical form.
/// </summary>
internal static class Ipv6Text
{
    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 45 || !text.Contains(':'))
        {
            return false;
        }

        // Only hex digits, ':' and '.' (embedded IPv4): rules out zone ids ("%eth0"), brackets,
        // prefix lengths and white space, all of which IPAddress would accept or ignore.
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c) && c != ':' && c != '.')
            {
                return false;
            }
        }

        if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        value = new UInt128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));

        // An embedded IPv4 part must itself follow the dotted-quad rule (no leading zeros).
        var lastColon = text.LastIndexOf(':');
        return !text[lastColon..].Contains('.') || Ipv4Text.TryParse(text[(lastColon + 1)..], out _);
    }

    /// <summary>RFC 5952 §4: lower case, no leading zeros, "::" for the longest (first on a tie) run of two or more zero groups; §5: mixed notation for IPv4-mapped addresses.</summary>
    public static string Format(UInt128 value)
    {
        Span<ushort> groups = stackalloc ushort[8];
        for (var g = 0; g < 8; g++)
        {
            groups[g] = (ushort)(value >> (112 - (16 * g)));
        }

        var isMapped = (value >> 32) == 0xFFFF;
        var groupCount = isMapped ? 6 : 8;

        int bestStart = -1, bestLength = 0;
        for (var g = 0; g < groupCount;)
        {
            if (groups[g] != 0)
            {
                g++;
                continue;
            }

            var start = g;
            while (g < groupCount && groups[g] == 0)
            {
                g++;
            }

            if (g - start > bestLength)
            {
                (bestStart, bestLength) = (start, g - start);
            }
        }

        if (bestLength < 2)
        {
            bestStart = -1;
        }

        var text = new StringBuilder(45);
        for (var g = 0; g < groupCount; g++)
        {
            if (g == bestStart)
            {
                text.Append("::");
                g += bestLength - 1;
                continue;
            }

            if (g > 0 && g != bestStart + bestLength)
            {
                text.Append(':');
            }

            text.Append(groups[g].ToString("x", CultureInfo.InvariantCulture));
        }

        if (isMapped)
        {
            if (bestStart + bestLength != groupCount)
            {
                text.Append(':');
            }

            text.Append(Ipv4Text.Format((uint)value));
        }

        return text.ToString();
    }
}

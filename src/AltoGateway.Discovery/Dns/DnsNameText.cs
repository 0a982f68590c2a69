using System.Text;

namespace AltoGateway.Discovery.Dns;

/// <summary>
/// Converts between wire-form names and their master-file text (RFC 1035 §5.1): labels joined by '.', an
/// absolute name ends in '.', '.' and '\' inside a label are escaped with '\', other non-printable octets as \DDD.
/// </summary>
internal static class DnsNameText
{
    /// <summary>RFC 1035 §2.3.4: a name is at most 255 octets in wire form.</summary>
    public const int MaxWireLength = 255;

    /// <summary>RFC 1035 §2.3.4: a label is at most 63 octets.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>Appends one label and its terminating '.'.</summary>
    public static void AppendLabel(StringBuilder text, ReadOnlySpan<byte> label)
    {
        foreach (var octet in label)
        {
            if (octet is (byte)'.' or (byte)'\\')
            {
                text.Append('\\').Append((char)octet);
            }
            else if (octet is > 0x20 and < 0x7F)
            {
                text.Append((char)octet);
            }
            else
            {
                text.Append('\\').Append(octet.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        text.Append('.');
    }

    /// <summary>
    /// Writes the uncompressed wire form of <paramref name="name"/> (relative names are taken as absolute)
    /// into <paramref name="wire"/>, which must hold <see cref="MaxWireLength"/> bytes. False when the text
    /// is no valid name: an empty or over-long label, a bad escape, a name over 255 octets.
    /// </summary>
    public static bool TryEncode(string name, Span<byte> wire, out int length)
    {
        length = 0;
        if (name is "" or ".")
        {
            wire[length++] = 0;
            return true;
        }

        var i = 0;
        while (i < name.Length)
        {
            var labelLength = 0;
            var labelStart = length++;
            while (i < name.Length && name[i] != '.')
            {
                if (!TryReadOctet(name, ref i, out var octet) || labelLength == MaxLabelLength || length >= MaxWireLength - 1)
                {
                    return false;
                }

                wire[length++] = octet;
                labelLength++;
            }

            if (labelLength == 0)
            {
                return false;
            }

            wire[labelStart] = (byte)labelLength;
            i++; // the '.' (or past the end for a relative name)
        }

        wire[length++] = 0;
        return true;
    }

    /// <summary>The wire form of a name the caller supplied; an invalid name is caller misuse.</summary>
    public static int Encode(string name, Span<byte> wire) =>
        TryEncode(name, wire, out var length) ? length : throw new ArgumentException($"'{name}' is not a valid domain name (RFC 1035 §2.3.4).", nameof(name));

    private static bool TryReadOctet(string name, ref int i, out byte octet)
    {
        octet = 0;
        var c = name[i++];
        if (c != '\\')
        {
            octet = (byte)c;
            return c <= 0xFF;
        }

        if (i >= name.Length)
        {
            return false;
        }

        if (!char.IsAsciiDigit(name[i]))
        {
            octet = (byte)name[i++];
            return name[i - 1] <= 0xFF;
        }

        if (i + 3 > name.Length || !char.IsAsciiDigit(name[i + 1]) || !char.IsAsciiDigit(name[i + 2]))
        {
            return false;
        }

        var value = ((name[i] - '0') * 100) + ((name[i + 1] - '0') * 10) + (name[i + 2] - '0');
        i += 3;
        octet = (byte)value;
        return value <= 0xFF;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using AltoGateway.Alto.Addressing;

namespace AltoGateway.Host.Configuration;

/// <summary>The text forms of the <c>Dhcp</c> section: strict IPv4 addresses, subnets, ranges and hardware addresses.</summary>
internal static class DhcpAddressText
{
    /// <summary>A dotted-quad IPv4 address (no "1.2.3", no octal).</summary>
    public static bool TryParseV4(string? text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (string.IsNullOrEmpty(text) || !TypedEndpointAddress.TryParseAddress(EndpointAddressType.Ipv4, text, out _))
        {
            return false;
        }

        address = IPAddress.Parse(text);
        return true;
    }

    /// <summary>An IPv4 subnet <c>NETWORK/LENGTH</c> without host bits.</summary>
    public static bool TryParseSubnet(string? text, out IPNetwork subnet)
    {
        subnet = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash > 0 && TryParseV4(text![..slash], out var network) && IPNetwork.TryParse(text, out subnet)
            && subnet.BaseAddress.Equals(network); // IPNetwork.TryParse clears host bits; a subnet written with them is a mistake
    }

    /// <summary>An inclusive range <c>FIRST-LAST</c> of IPv4 addresses, FIRST not above LAST.</summary>
    public static bool TryParseRange(string? text, [NotNullWhen(true)] out IPAddress? first, [NotNullWhen(true)] out IPAddress? last)
    {
        first = last = null;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        return dash > 0
            && TryParseV4(text![..dash].Trim(), out first)
            && TryParseV4(text[(dash + 1)..].Trim(), out last)
            && ToUInt32(first) <= ToUInt32(last);
    }

    /// <summary>Octets written as hex pairs separated by ':' or '-' (a MAC: 6 of them; a client identifier: 2 to 255).</summary>
    public static bool TryParseOctets(string? text, out byte[] octets)
    {
        octets = [];
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var parts = text.Split(':', '-');
        var result = new byte[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length != 2 || !byte.TryParse(parts[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out result[i]))
            {
                return false;
            }
        }

        octets = result;
        return true;
    }

    /// <summary>The address as a number, for ordering and range checks.</summary>
    public static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        return address.TryWriteBytes(bytes, out var written) && written == 4
            ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : throw new ArgumentException($"{address} is not an IPv4 address.", nameof(address));
    }
}

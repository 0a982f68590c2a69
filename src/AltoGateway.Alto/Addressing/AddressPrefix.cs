using System.Globalization;

namespace AltoGateway.Alto.Addressing;

/// <summary>
/// An address prefix of an EndpointAddrGroup (RFC 7285 §10.4.4): RFC 4632 §3.1 "192.0.2.0/24" for
/// IPv4 and RFC 5952 §7 "2001:db8::/32" for IPv6. The network address must have no bits set beyond
/// the length (RFC 7285 §11.3.1.7 prints "198.51.100.128/24", a known defect that this rejects).
/// </summary>
public readonly record struct AddressPrefix(EndpointAddressType Type, UInt128 Network, int Length)
{
    /// <summary>Parses the prefix text of an address of <paramref name="type"/>.</summary>
    public static bool TryParse(EndpointAddressType type, string? text, out AddressPrefix prefix, out EndpointAddressError error)
    {
        prefix = default;
        if (string.IsNullOrEmpty(text))
        {
            error = EndpointAddressError.Empty;
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !TryParseLength(text.AsSpan(slash + 1), EndpointAddressTypeNames.BitsOf(type), out var length))
        {
            error = EndpointAddressError.BadPrefixLength;
            return false;
        }

        if (!TypedEndpointAddress.TryParseAddress(type, text.AsSpan(0, slash), out var network))
        {
            error = EndpointAddressError.BadAddress;
            return false;
        }

        if ((network & ~MaskOf(type, length)) != 0)
        {
            error = EndpointAddressError.HostBitsSet;
            return false;
        }

        prefix = new AddressPrefix(type, network, length);
        error = EndpointAddressError.None;
        return true;
    }

    /// <summary>Parses trusted prefix text.</summary>
    public static AddressPrefix Parse(EndpointAddressType type, string text) =>
        TryParse(type, text, out var prefix, out var error)
            ? prefix
            : throw new FormatException($"Not an {EndpointAddressTypeNames.Of(type)} prefix ({error}): '{text}'.");

    /// <summary>The mask of the first <paramref name="length"/> bits of an address of <paramref name="type"/>.</summary>
    public static UInt128 MaskOf(EndpointAddressType type, int length)
    {
        var bits = EndpointAddressTypeNames.BitsOf(type);
        var all = bits == 128 ? UInt128.MaxValue : (UInt128)uint.MaxValue;
        return length == 0 ? UInt128.Zero : all & ~((UInt128.One << (bits - length)) - 1) & all;
    }

    /// <summary>True when <paramref name="address"/> lies inside this prefix.</summary>
    public bool Contains(TypedEndpointAddress address) =>
        address.Type == Type && (address.Value & MaskOf(Type, Length)) == Network;

    /// <summary>The prefix text, IPv6 in RFC 5952 form.</summary>
    public override string ToString() =>
        new TypedEndpointAddress(Type, Network).AddressText + "/" + Length.ToString(CultureInfo.InvariantCulture);

    private static bool TryParseLength(ReadOnlySpan<char> text, int maximum, out int length)
    {
        length = 0;
        if (text.IsEmpty || text.Length > 3 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            length = (length * 10) + (c - '0');
        }

        return length <= maximum;
    }
}

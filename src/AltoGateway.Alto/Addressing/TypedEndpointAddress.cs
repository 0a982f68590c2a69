using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace AltoGateway.Alto.Addressing;

/// <summary>
/// A TypedEndpointAddr (RFC 7285 §10.4.1): "ipv4:192.0.2.1" or "ipv6:2001:db8::1". Equality
/// compares the addresses, not the text (§10.4), so "ipv6:2001:DB8::1" equals "ipv6:2001:db8::1".
/// An IPv4 address is held in the low 32 bits of <see cref="Value"/>.
/// </summary>
public readonly record struct TypedEndpointAddress(EndpointAddressType Type, UInt128 Value)
{
    /// <summary>Parses "type:address", splitting at the first ':' (§10.4.1).</summary>
    public static bool TryParse(string? text, out TypedEndpointAddress address, out EndpointAddressError error)
    {
        address = default;
        if (!TryFindTypeSeparator(text, out var colon, out error))
        {
            return false;
        }

        if (!EndpointAddressTypeNames.TryParse(text.AsSpan(0, colon), out var type))
        {
            error = EndpointAddressError.UnknownType;
            return false;
        }

        if (!TryParseAddress(type, text.AsSpan(colon + 1), out var value))
        {
            error = EndpointAddressError.BadAddress;
            return false;
        }

        address = new TypedEndpointAddress(type, value);
        error = EndpointAddressError.None;
        return true;
    }

    /// <summary>
    /// The position of the first ':' that ends the type name (§10.4.1); false with the error when the
    /// text is empty or has none. Shared by every endpoint-name grammar.
    /// </summary>
    internal static bool TryFindTypeSeparator([NotNullWhen(true)] string? text, out int colon, out EndpointAddressError error)
    {
        colon = -1;
        if (string.IsNullOrEmpty(text))
        {
            error = EndpointAddressError.Empty;
            return false;
        }

        colon = text.IndexOf(':', StringComparison.Ordinal);
        error = colon < 0 ? EndpointAddressError.MissingType : EndpointAddressError.None;
        return colon >= 0;
    }

    /// <summary>Parses "type:address"; for trusted input.</summary>
    public static TypedEndpointAddress Parse(string text) =>
        TryParse(text, out var address, out var error)
            ? address
            : throw new FormatException($"Not a typed endpoint address ({error}): '{text}'.");

    /// <summary>Parses the address part for a known <paramref name="type"/> (§10.4.3).</summary>
    public static bool TryParseAddress(EndpointAddressType type, ReadOnlySpan<char> text, out UInt128 value)
    {
        if (type == EndpointAddressType.Ipv4)
        {
            var ok = Ipv4Text.TryParse(text, out var v4);
            value = v4;
            return ok;
        }

        return Ipv6Text.TryParse(text, out value);
    }

    /// <summary>Wraps an <see cref="IPAddress"/>; an IPv4-mapped IPv6 address stays "ipv6".</summary>
    public static TypedEndpointAddress FromIPAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => new(EndpointAddressType.Ipv4, BinaryPrimitives.ReadUInt32BigEndian(bytes)),
            AddressFamily.InterNetworkV6 when written == 16 => new(EndpointAddressType.Ipv6,
                new UInt128(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]))),
            _ => throw new ArgumentException("Only IPv4 and IPv6 addresses have an ALTO address type.", nameof(address)),
        };
    }

    /// <summary>The address as an <see cref="IPAddress"/>.</summary>
    public IPAddress ToIPAddress()
    {
        Span<byte> bytes = stackalloc byte[16];
        if (Type == EndpointAddressType.Ipv4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)Value);
            return new IPAddress(bytes[..4]);
        }

        BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)(Value >> 64));
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], (ulong)Value);
        return new IPAddress(bytes);
    }

    /// <summary>The address part alone, IPv6 in RFC 5952 form.</summary>
    public string AddressText => Type == EndpointAddressType.Ipv4 ? Ipv4Text.Format((uint)Value) : Ipv6Text.Format(Value);

    /// <summary>"type:address" in canonical form.</summary>
    public override string ToString() => EndpointAddressTypeNames.Of(Type) + ":" + AddressText;
}

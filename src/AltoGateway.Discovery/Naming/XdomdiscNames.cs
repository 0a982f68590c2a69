using System.Net;
using System.Net.Sockets;
using AltoGateway.Alto.Addressing;

namespace AltoGateway.Discovery.Naming;

/// <summary>
/// Steps 1–3 of XDOMDISC(X, SP) (RFC 8686 §3.2–3.4): the reverse-DNS names to ask for NAPTR records for an
/// address or prefix X = (A, L), in the order Table 1 prescribes — the first is a MUST, the rest SHOULD, and
/// the procedure stops at the first name that yields a matching record. Names more specific than the prefix
/// are never asked: /25 starts at R24, /65 at R64. Pure computation; the DNS queries are the caller's.
/// </summary>
public static class XdomdiscNames
{
    /// <summary>The shortest IPv4 prefix XDOMDISC supports (RFC 8686 §3.2).</summary>
    public const int MinimumIpv4PrefixLength = 8;

    /// <summary>The shortest IPv6 prefix XDOMDISC supports (RFC 8686 §3.2).</summary>
    public const int MinimumIpv6PrefixLength = 32;

    /// <summary>The names for the prefix (A, L): bits of A beyond L are ignored, as no name asked depends on them.</summary>
    public static bool TryCompute(
        EndpointAddressType type, UInt128 address, int prefixLength, out IReadOnlyList<ReverseLookupName> names, out ReverseNameError error)
    {
        names = [];
        if (type is not (EndpointAddressType.Ipv4 or EndpointAddressType.Ipv6))
        {
            error = ReverseNameError.UnsupportedAddressFamily;
            return false;
        }

        var bits = EndpointAddressTypeNames.BitsOf(type);
        if (prefixLength < 0 || prefixLength > bits)
        {
            error = ReverseNameError.PrefixLengthOutOfRange;
            return false;
        }

        var minimum = type == EndpointAddressType.Ipv4 ? MinimumIpv4PrefixLength : MinimumIpv6PrefixLength;
        if (prefixLength < minimum)
        {
            error = ReverseNameError.UnsupportedPrefixLength;
            return false;
        }

        names = type == EndpointAddressType.Ipv4 ? Ipv4Names((uint)address, prefixLength) : Ipv6Names(address, prefixLength);
        error = ReverseNameError.None;
        return true;
    }

    /// <summary>The names for a single address (L = 32 or 128).</summary>
    public static bool TryCompute(TypedEndpointAddress address, out IReadOnlyList<ReverseLookupName> names, out ReverseNameError error) =>
        TryCompute(address.Type, address.Value, EndpointAddressTypeNames.BitsOf(address.Type), out names, out error);

    /// <summary>The names for a prefix.</summary>
    public static bool TryCompute(AddressPrefix prefix, out IReadOnlyList<ReverseLookupName> names, out ReverseNameError error) =>
        TryCompute(prefix.Type, prefix.Network, prefix.Length, out names, out error);

    /// <summary>The names for (A, L) given as an <see cref="IPAddress"/> (IPv4-mapped IPv6 stays IPv6).</summary>
    public static bool TryCompute(IPAddress address, int prefixLength, out IReadOnlyList<ReverseLookupName> names, out ReverseNameError error)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            names = [];
            error = ReverseNameError.UnsupportedAddressFamily;
            return false;
        }

        var typed = TypedEndpointAddress.FromIPAddress(address);
        return TryCompute(typed.Type, typed.Value, prefixLength, out names, out error);
    }

    // Table 1, IPv4: start at the longest of R32, R24, R16, R8 not longer than L, then every shorter one.
    private static ReverseLookupName[] Ipv4Names(uint address, int prefixLength)
    {
        var first = prefixLength / 8 * 8;
        var names = new ReverseLookupName[first / 8];
        for (var i = 0; i < names.Length; i++)
        {
            var bits = first - (8 * i);
            names[i] = new ReverseLookupName(bits, ReverseDnsName.OfIpv4(address, bits / 8));
        }

        return names;
    }

    // Table 1, IPv6: R128 only for /128; below that the longest of R64, R56, R48, R40, R32 not longer than L,
    // then every shorter one (the RFC asks nothing between R128 and R64).
    private static ReverseLookupName[] Ipv6Names(UInt128 address, int prefixLength)
    {
        var names = new List<ReverseLookupName>(6);
        if (prefixLength == 128)
        {
            names.Add(new ReverseLookupName(128, ReverseDnsName.OfIpv6(address, 32)));
        }

        for (var bits = Math.Min(64, prefixLength / 8 * 8); bits >= MinimumIpv6PrefixLength; bits -= 8)
        {
            names.Add(new ReverseLookupName(bits, ReverseDnsName.OfIpv6(address, bits / 4)));
        }

        return [.. names];
    }
}

using System.Net;
using AltoGateway.Alto.Addressing;
using AltoGateway.Discovery.Naming;

namespace AltoGateway.Discovery.Tests.Naming;

/// <summary>RFC 8686 §3.2–3.4 vectors. The RFC prints names in upper case; we emit lower case (RFC 4343).</summary>
public class XdomdiscNamesTests
{
    // RFC 8686 Appendix C.4: X = 2001:DB8:1:2:227:EFF:FE6A:DE42, L = 128.
    private static readonly string[] AppendixC4 =
    [
        "2.4.E.D.A.6.E.F.F.F.E.0.7.2.2.0.2.0.0.0.1.0.0.0.8.B.D.0.1.0.0.2.IP6.ARPA.",
        "2.0.0.0.1.0.0.0.8.B.D.0.1.0.0.2.IP6.ARPA.",
        "0.0.1.0.0.0.8.B.D.0.1.0.0.2.IP6.ARPA.",
        "1.0.0.0.8.B.D.0.1.0.0.2.IP6.ARPA.",
        "0.0.8.B.D.0.1.0.0.2.IP6.ARPA.",
        "8.B.D.0.1.0.0.2.IP6.ARPA.",
    ];

    [Fact]
    public void Ipv4_address_asks_r32_r24_r16_r8()
    {
        // RFC 8686 §3.2–3.3: 198.51.100.3.
        Assert.Equal(
            ["3.100.51.198.in-addr.arpa.", "100.51.198.in-addr.arpa.", "51.198.in-addr.arpa.", "198.in-addr.arpa."],
            Names(TypedEndpointAddress.Parse("ipv4:198.51.100.3")));
        Assert.Equal([32, 24, 16, 8], Bits(TypedEndpointAddress.Parse("ipv4:198.51.100.3")));
    }

    [Fact]
    public void Ipv6_address_asks_r128_then_r64_down_to_r32()
    {
        // RFC 8686 §3.2: 2001:0DB8::20 gives this R128; §3.3 skip(R128, 16/18/20/22/24) gives the rest
        // (cross-checked with Python ipaddress.reverse_pointer).
        var names = Names(TypedEndpointAddress.Parse("ipv6:2001:db8::20"));
        Assert.Equal(
            [
                "0.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.",
                "0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.",
                "0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.",
                "0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.",
                "0.0.8.b.d.0.1.0.0.2.ip6.arpa.",
                "8.b.d.0.1.0.0.2.ip6.arpa.",
            ],
            names);
    }

    [Fact]
    public void Appendix_c4_address_gives_the_rfcs_six_names()
    {
        var names = Names(TypedEndpointAddress.Parse("ipv6:2001:db8:1:2:227:eff:fe6a:de42"));
        Assert.Equal(AppendixC4, names, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(AppendixC4.Select(n => n.ToLowerInvariant()), names);
        Assert.Equal([128, 64, 56, 48, 40, 32], Bits(TypedEndpointAddress.Parse("ipv6:2001:db8:1:2:227:eff:fe6a:de42")));
    }

    [Theory]
    [InlineData("198.51.100.0", 7)]
    [InlineData("0.0.0.0", 0)]
    [InlineData("2001:db8::", 31)]
    [InlineData("::", 0)]
    public void Prefixes_shorter_than_the_table_are_unsupported(string address, int length)
    {
        // RFC 8686 §3.2: "unsupported prefix length" for IPv4 L < 8 and IPv6 L < 32.
        Assert.False(XdomdiscNames.TryCompute(IPAddress.Parse(address), length, out var names, out var error));
        Assert.Equal(ReverseNameError.UnsupportedPrefixLength, error);
        Assert.Empty(names);
    }

    [Theory]
    [InlineData("198.51.100.0", 33)]
    [InlineData("198.51.100.0", -1)]
    [InlineData("2001:db8::", 129)]
    public void Lengths_beyond_the_address_are_caller_misuse(string address, int length)
    {
        Assert.False(XdomdiscNames.TryCompute(IPAddress.Parse(address), length, out _, out var error));
        Assert.Equal(ReverseNameError.PrefixLengthOutOfRange, error);
    }

    [Theory]
    // Table 1, IPv4 rows and their edges.
    [InlineData("198.0.0.0", 8, "198.in-addr.arpa.")]
    [InlineData("198.50.0.0", 15, "198.in-addr.arpa.")]
    [InlineData("198.51.0.0", 16, "51.198.in-addr.arpa.|198.in-addr.arpa.")]
    [InlineData("198.51.100.0", 23, "51.198.in-addr.arpa.|198.in-addr.arpa.")]
    [InlineData("198.51.100.0", 24, "100.51.198.in-addr.arpa.|51.198.in-addr.arpa.|198.in-addr.arpa.")]
    [InlineData("198.51.100.128", 25, "100.51.198.in-addr.arpa.|51.198.in-addr.arpa.|198.in-addr.arpa.")]
    [InlineData("198.51.100.2", 31, "100.51.198.in-addr.arpa.|51.198.in-addr.arpa.|198.in-addr.arpa.")]
    // Table 1, IPv6 rows and their edges.
    [InlineData("2001:db8::", 32, "8.b.d.0.1.0.0.2.ip6.arpa.")]
    [InlineData("2001:db8::", 39, "8.b.d.0.1.0.0.2.ip6.arpa.")]
    [InlineData("2001:db8:100::", 40, "1.0.8.b.d.0.1.0.0.2.ip6.arpa.|8.b.d.0.1.0.0.2.ip6.arpa.")]
    [InlineData("2001:db8:1::", 48, "1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.|0.0.8.b.d.0.1.0.0.2.ip6.arpa.|8.b.d.0.1.0.0.2.ip6.arpa.")]
    [InlineData("2001:db8:1:200::", 56, "2.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.|1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.|0.0.8.b.d.0.1.0.0.2.ip6.arpa.|8.b.d.0.1.0.0.2.ip6.arpa.")]
    public void Table_one_rows_start_at_the_longest_name_the_prefix_allows(string address, int length, string expected)
    {
        Assert.True(XdomdiscNames.TryCompute(IPAddress.Parse(address), length, out var names, out var error));
        Assert.Equal(ReverseNameError.None, error);
        Assert.Equal(expected.Split('|'), names.Select(n => n.Name));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(127)]
    public void Ipv6_prefixes_from_64_to_127_start_at_r64(int length)
    {
        // RFC 8686 Table 1: nothing is asked between R128 and R64, so /65 (and /127) start at R64 like /64.
        var prefix = new AddressPrefix(EndpointAddressType.Ipv6, TypedEndpointAddress.Parse("ipv6:2001:db8:1:2::").Value, length);
        Assert.True(XdomdiscNames.TryCompute(prefix, out var names, out _));
        Assert.Equal(AppendixC4.Skip(1).Select(n => n.ToLowerInvariant()), names.Select(n => n.Name));
        Assert.Equal([64, 56, 48, 40, 32], names.Select(n => n.Bits));
    }

    [Fact]
    public void Ipv4_mapped_ipv6_stays_in_ip6_arpa()
    {
        Assert.True(XdomdiscNames.TryCompute(IPAddress.Parse("::ffff:198.51.100.3"), 128, out var names, out _));
        Assert.All(names, n => Assert.EndsWith(".ip6.arpa.", n.Name, StringComparison.Ordinal));
    }

    private static string[] Names(TypedEndpointAddress address)
    {
        Assert.True(XdomdiscNames.TryCompute(address, out var names, out var error));
        Assert.Equal(ReverseNameError.None, error);
        return [.. names.Select(n => n.Name)];
    }

    private static int[] Bits(TypedEndpointAddress address)
    {
        Assert.True(XdomdiscNames.TryCompute(address, out var names, out _));
        return [.. names.Select(n => n.Bits)];
    }
}

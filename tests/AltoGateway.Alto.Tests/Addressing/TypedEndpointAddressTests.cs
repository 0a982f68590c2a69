using System.Net;
using AltoGateway.Alto.Addressing;

namespace AltoGateway.Alto.Tests.Addressing;

public class TypedEndpointAddressTests
{
    [Theory]
    [InlineData("ipv4:192.0.2.1", "ipv4:192.0.2.1")]
    [InlineData("ipv4:0.0.0.0", "ipv4:0.0.0.0")]
    [InlineData("ipv4:255.255.255.255", "ipv4:255.255.255.255")]
    [InlineData("ipv6:2001:db8::1", "ipv6:2001:db8::1")]
    [InlineData("ipv6:2001:DB8::1", "ipv6:2001:db8::1")]
    [InlineData("ipv6:2001:0db8:0000:0000:0000:0000:0000:0001", "ipv6:2001:db8::1")]
    [InlineData("ipv6:::ffff:1.2.3.4", "ipv6:::ffff:1.2.3.4")]
    [InlineData("ipv6:::FFFF:0102:0304", "ipv6:::ffff:1.2.3.4")]
    [InlineData("ipv6:2001:db8:0:1:1:1:1:1", "ipv6:2001:db8:0:1:1:1:1:1")] // RFC 5952 §4.2.2: no "::" for one group
    [InlineData("ipv6:2001:0:0:1:0:0:0:1", "ipv6:2001:0:0:1::1")] // §4.2.3: the longest run
    [InlineData("ipv6:2001:db8:0:0:1:0:0:1", "ipv6:2001:db8::1:0:0:1")] // §4.2.3: the first of equal runs
    [InlineData("ipv6:::", "ipv6:::")]
    [InlineData("ipv6:::1", "ipv6:::1")]
    [InlineData("ipv6:1::", "ipv6:1::")]
    public void Parses_and_prints_canonically(string text, string canonical)
    {
        Assert.True(TypedEndpointAddress.TryParse(text, out var address, out var error));
        Assert.Equal(EndpointAddressError.None, error);
        Assert.Equal(canonical, address.ToString());
        Assert.Equal(address, TypedEndpointAddress.Parse(canonical));
    }

    [Theory]
    [InlineData(null, EndpointAddressError.Empty)]
    [InlineData("", EndpointAddressError.Empty)]
    [InlineData("192.0.2.1", EndpointAddressError.MissingType)]
    [InlineData("ipv5:192.0.2.1", EndpointAddressError.UnknownType)]
    [InlineData("IPV4:192.0.2.1", EndpointAddressError.UnknownType)]
    [InlineData(":192.0.2.1", EndpointAddressError.UnknownType)]
    [InlineData("ipv4:1.2.3", EndpointAddressError.BadAddress)]
    [InlineData("ipv4:1.2.3.4.5", EndpointAddressError.BadAddress)]
    [InlineData("ipv4:01.2.3.4", EndpointAddressError.BadAddress)]
    [InlineData("ipv4:1.2.3.00", EndpointAddressError.BadAddress)]
    [InlineData("ipv4:256.1.1.1", EndpointAddressError.BadAddress)]
    [InlineData("ipv4:1.2.3.4 ", EndpointAddressError.BadAddress)]
    [InlineData("ipv4:0x7f.0.0.1", EndpointAddressError.BadAddress)]
    [InlineData("ipv4:1..2.3", EndpointAddressError.BadAddress)]
    [InlineData("ipv4:", EndpointAddressError.BadAddress)]
    [InlineData("ipv4:1234.1.1.1", EndpointAddressError.BadAddress)]
    [InlineData("ipv4:::1", EndpointAddressError.BadAddress)]
    [InlineData("ipv6:192.0.2.1", EndpointAddressError.BadAddress)] // an IPv4 address under the ipv6 type
    [InlineData("ipv6:fe80::1%eth0", EndpointAddressError.BadAddress)]
    [InlineData("ipv6:[2001:db8::1]", EndpointAddressError.BadAddress)]
    [InlineData("ipv6:2001:db8::1/64", EndpointAddressError.BadAddress)]
    [InlineData("ipv6:1:2:3:4:5:6:7:8:9", EndpointAddressError.BadAddress)]
    [InlineData("ipv6:::ffff:01.2.3.4", EndpointAddressError.BadAddress)]
    [InlineData("ipv6:2001:db8:::1", EndpointAddressError.BadAddress)]
    public void Rejects_with_a_typed_error(string? text, EndpointAddressError expected)
    {
        Assert.False(TypedEndpointAddress.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Equality_compares_addresses_not_text()
    {
        Assert.Equal(TypedEndpointAddress.Parse("ipv6:2001:DB8:0::1"), TypedEndpointAddress.Parse("ipv6:2001:db8::1"));
        Assert.NotEqual(TypedEndpointAddress.Parse("ipv4:1.2.3.4"), TypedEndpointAddress.Parse("ipv6:::ffff:1.2.3.4"));
    }

    [Theory]
    [InlineData("192.0.2.1", "ipv4:192.0.2.1")]
    [InlineData("2001:db8::1", "ipv6:2001:db8::1")]
    [InlineData("::ffff:1.2.3.4", "ipv6:::ffff:1.2.3.4")]
    public void Converts_to_and_from_IPAddress(string ip, string typed)
    {
        var address = TypedEndpointAddress.FromIPAddress(IPAddress.Parse(ip));
        Assert.Equal(typed, address.ToString());
        Assert.Equal(IPAddress.Parse(ip), address.ToIPAddress());
    }
}

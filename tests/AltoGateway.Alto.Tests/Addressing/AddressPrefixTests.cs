using AltoGateway.Alto.Addressing;

namespace AltoGateway.Alto.Tests.Addressing;

public class AddressPrefixTests
{
    [Theory]
    [InlineData(EndpointAddressType.Ipv4, "192.0.2.0/24", "192.0.2.0/24")]
    [InlineData(EndpointAddressType.Ipv4, "0.0.0.0/0", "0.0.0.0/0")]
    [InlineData(EndpointAddressType.Ipv4, "192.0.2.1/32", "192.0.2.1/32")]
    [InlineData(EndpointAddressType.Ipv6, "::/0", "::/0")]
    [InlineData(EndpointAddressType.Ipv6, "2001:DB8::/32", "2001:db8::/32")]
    [InlineData(EndpointAddressType.Ipv6, "2001:db8::1/128", "2001:db8::1/128")]
    public void Parses_and_prints(EndpointAddressType type, string text, string canonical)
    {
        Assert.True(AddressPrefix.TryParse(type, text, out var prefix, out _));
        Assert.Equal(canonical, prefix.ToString());
    }

    [Theory]
    [InlineData(EndpointAddressType.Ipv4, "198.51.100.128/24", EndpointAddressError.HostBitsSet)] // the §11.3.1.7 defect
    [InlineData(EndpointAddressType.Ipv4, "192.0.2.0", EndpointAddressError.BadPrefixLength)]
    [InlineData(EndpointAddressType.Ipv4, "192.0.2.0/33", EndpointAddressError.BadPrefixLength)]
    [InlineData(EndpointAddressType.Ipv4, "192.0.2.0/024", EndpointAddressError.BadPrefixLength)]
    [InlineData(EndpointAddressType.Ipv4, "192.0.2.0/", EndpointAddressError.BadPrefixLength)]
    [InlineData(EndpointAddressType.Ipv4, "192.0.2/24", EndpointAddressError.BadAddress)]
    [InlineData(EndpointAddressType.Ipv4, "::/0", EndpointAddressError.BadAddress)]
    [InlineData(EndpointAddressType.Ipv6, "2001:db8::/129", EndpointAddressError.BadPrefixLength)]
    [InlineData(EndpointAddressType.Ipv6, "2001:db8::1/64", EndpointAddressError.HostBitsSet)]
    [InlineData(EndpointAddressType.Ipv6, "0.0.0.0/0", EndpointAddressError.BadAddress)]
    [InlineData(EndpointAddressType.Ipv6, "", EndpointAddressError.Empty)]
    public void Rejects_with_a_typed_error(EndpointAddressType type, string text, EndpointAddressError expected)
    {
        Assert.False(AddressPrefix.TryParse(type, text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Contains_tests_the_prefix_bits_and_the_family()
    {
        var prefix = AddressPrefix.Parse(EndpointAddressType.Ipv4, "192.0.2.128/25");
        Assert.True(prefix.Contains(TypedEndpointAddress.Parse("ipv4:192.0.2.200")));
        Assert.False(prefix.Contains(TypedEndpointAddress.Parse("ipv4:192.0.2.1")));
        Assert.False(AddressPrefix.Parse(EndpointAddressType.Ipv4, "0.0.0.0/0").Contains(TypedEndpointAddress.Parse("ipv6:::1")));
    }
}

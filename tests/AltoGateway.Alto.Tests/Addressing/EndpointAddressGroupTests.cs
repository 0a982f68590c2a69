using AltoGateway.Alto.Addressing;

namespace AltoGateway.Alto.Tests.Addressing;

public class EndpointAddressGroupTests
{
    [Fact]
    public void A_group_parses_both_families_and_keeps_unknown_types()
    {
        var json = new Dictionary<string, List<string>>
        {
            ["ipv4"] = ["192.0.2.0/24", "198.51.100.0/25"],
            ["ipv6"] = ["2001:DB8::/32"],
            ["mac"] = ["00:00:5e:00:53:01"],
        };

        Assert.True(EndpointAddressGroup.TryParse(json, out var group, out _, out _));
        Assert.Equal(["192.0.2.0/24", "198.51.100.0/25", "2001:db8::/32"], group!.Prefixes.Select(p => p.ToString()));
        Assert.Equal(["00:00:5e:00:53:01"], group.UnknownTypes["mac"]);
        Assert.True(group.Contains(TypedEndpointAddress.Parse("ipv6:2001:db8:1::1")));
        Assert.False(group.Contains(TypedEndpointAddress.Parse("ipv4:198.51.100.200")));
    }

    [Fact]
    public void The_first_bad_prefix_is_named_with_its_error()
    {
        var json = new Dictionary<string, List<string>> { ["ipv4"] = ["192.0.2.0/24", "198.51.100.128/24"] };

        Assert.False(EndpointAddressGroup.TryParse(json, out _, out var bad, out var error));
        Assert.Equal("198.51.100.128/24", bad);
        Assert.Equal(EndpointAddressError.HostBitsSet, error);
    }
}

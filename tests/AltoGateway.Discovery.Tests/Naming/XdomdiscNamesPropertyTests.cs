using AltoGateway.Alto.Addressing;
using AltoGateway.Discovery.Naming;

namespace AltoGateway.Discovery.Tests.Naming;

/// <summary>Seeded property tests over random addresses and prefix lengths.</summary>
public class XdomdiscNamesPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_allowed_length_gives_unique_names_most_specific_first(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 2000; i++)
        {
            var type = random.Next(2) == 0 ? EndpointAddressType.Ipv4 : EndpointAddressType.Ipv6;
            var bits = EndpointAddressTypeNames.BitsOf(type);
            var address = RandomValue(random) & AddressPrefix.MaskOf(type, bits);
            var length = random.Next(-2, bits + 3);
            var minimum = type == EndpointAddressType.Ipv4 ? 8 : 32;

            var ok = XdomdiscNames.TryCompute(type, address, length, out var names, out var error);

            Assert.Equal(ok, error == ReverseNameError.None);
            Assert.Equal(length >= minimum && length <= bits, ok);
            if (!ok)
            {
                Assert.Empty(names);
                continue;
            }

            var suffix = type == EndpointAddressType.Ipv4 ? ".in-addr.arpa." : ".ip6.arpa.";
            Assert.NotEmpty(names);
            Assert.True(names.Count <= (type == EndpointAddressType.Ipv4 ? 4 : 6)); // RFC 8686 §5.2.1
            Assert.Equal(names.Count, names.Select(n => n.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(names, n => Assert.EndsWith(suffix, n.Name, StringComparison.Ordinal));
            Assert.All(names, n => Assert.True(n.Bits <= length && n.Bits >= minimum));
            Assert.Equal(minimum, names[^1].Bits);
            for (var k = 1; k < names.Count; k++)
            {
                // Most specific first, each next name being the previous one with labels skipped (§3.3).
                Assert.True(names[k].Bits < names[k - 1].Bits);
                Assert.EndsWith("." + names[k].Name, names[k - 1].Name, StringComparison.Ordinal);
            }

            // Bits beyond the prefix never change a name.
            var noisy = address | (~AddressPrefix.MaskOf(type, length) & AddressPrefix.MaskOf(type, bits) & RandomValue(random));
            Assert.True(XdomdiscNames.TryCompute(type, noisy, length, out var same, out _));
            Assert.Equal(names, same);
        }
    }

    private static UInt128 RandomValue(Random random) =>
        new((ulong)random.NextInt64() ^ ((ulong)random.Next() << 40), (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40));
}

using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.NetworkMaps;
using AltoGateway.Alto.Tests.Vectors;

namespace AltoGateway.Alto.Tests.NetworkMaps;

public class NetworkMapTests
{
    [Theory]
    [InlineData("ipv4:192.0.2.1", "PID3")]
    [InlineData("ipv4:192.0.2.200", "PID3")]
    [InlineData("ipv4:198.51.100.7", "PID2")]
    [InlineData("ipv4:203.0.113.1", "PID1")]
    [InlineData("ipv6:2001:db8::1", "PID0")]
    public void Longest_prefix_match_follows_the_rfc_vector(string address, string pid)
    {
        Assert.Equal(pid, FindPid(Rfc7285Examples.LongestPrefixMatchMap, address));
    }

    [Theory]
    [InlineData("ipv4:192.0.2.34", "PID1")]
    [InlineData("ipv4:198.51.100.200", "PID2")]
    [InlineData("ipv4:203.0.113.129", "PID3")] // the EPS example of §11.4.1.7
    [InlineData("ipv6:2001:db8::1", "PID3")]
    public void The_network_map_example_of_section_11_2_1_7_places_addresses(string address, string pid)
    {
        Assert.Equal(pid, FindPid(Rfc7285Examples.NetworkMap, address));
    }

    [Fact]
    public void Merging_pid3_into_pid2_makes_the_rfc_vector_invalid()
    {
        var groups = ReadGroups(Rfc7285Examples.LongestPrefixMatchMap);
        groups["PID3"]["ipv4"] = ["192.0.2.0/24"];

        Assert.False(NetworkMap.TryCreate(groups, out _, out var problems));
        Assert.Equal([new NetworkMapProblem(NetworkMapProblemKind.DuplicatePrefix, "PID3", "192.0.2.0/24")], problems);
    }

    [Fact]
    public void Validation_returns_every_problem()
    {
        var groups = new Dictionary<string, Dictionary<string, List<string>>>
        {
            ["bad.pid"] = new() { ["ipv4"] = ["10.0.0.0/8"] },
            ["PID2"] = new() { ["ipv4"] = ["10.0.0.0/8", "198.51.100.128/24"], ["ipv6"] = ["2001:db8::/32"] },
            ["PID3"] = new() { ["mac"] = ["whatever"] }, // unknown address types are skipped, the PID kept
        };

        Assert.Equal(
            [
                new(NetworkMapProblemKind.InvalidPidName, "bad.pid", "bad.pid"),
                new(NetworkMapProblemKind.DuplicatePrefix, "PID2", "10.0.0.0/8"),
                new(NetworkMapProblemKind.InvalidPrefix, "PID2", "198.51.100.128/24"),
                new(NetworkMapProblemKind.MissingIpv4Default, null, "0.0.0.0/0"),
                new(NetworkMapProblemKind.MissingIpv6Default, null, "::/0"),
            ],
            NetworkMapValidator.Validate(groups));
    }

    [Fact]
    public void The_matcher_handles_many_prefixes_of_many_lengths()
    {
        var random = new Random(7285);
        var prefixes = new List<KeyValuePair<AddressPrefix, string>>();
        for (var i = 0; i < 2000; i++)
        {
            var length = random.Next(0, 33);
            var network = (uint)random.Next() & (uint)AddressPrefix.MaskOf(EndpointAddressType.Ipv4, length);
            prefixes.Add(new(new AddressPrefix(EndpointAddressType.Ipv4, network, length), "P" + i));
        }

        var matcher = new LongestPrefixMatcher(prefixes);
        for (var i = 0; i < 2000; i++)
        {
            var address = new TypedEndpointAddress(EndpointAddressType.Ipv4, (uint)random.Next());
            var expected = prefixes.Where(p => p.Key.Contains(address))
                .GroupBy(p => p.Key).Select(g => g.First()) // a duplicate prefix keeps its first value
                .OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault();
            Assert.Equal(expected is not null, matcher.TryMatch(address, out var actual));
            if (expected is not null)
            {
                Assert.Equal(expected, actual);
            }
        }
    }

    private static string FindPid(string json, string address)
    {
        Assert.True(NetworkMap.TryCreate(ReadGroups(json), out var map, out var problems), string.Join("; ", problems));
        Assert.True(map!.TryFindPid(TypedEndpointAddress.Parse(address), out var pid));
        return pid;
    }

    private static Dictionary<string, Dictionary<string, List<string>>> ReadGroups(string json)
    {
        Assert.True(AltoJsonReader.TryReadNetworkMap(JsonAssert.Utf8(json), out var response, out var error), error?.ToString());
        return response!.NetworkMap;
    }
}

using AltoGateway.Alto.Addressing;

namespace AltoGateway.Alto.NetworkMaps;

/// <summary>
/// Longest-prefix match (RFC 7285 §11.2.1.6: an address belongs to the PID of its longest
/// matching prefix). Per family, one hash table per distinct prefix length, probed from the longest
/// length down: a lookup costs one mask and one hash probe per distinct length (a handful in real
/// maps, at most 33 or 129), allocates nothing, and building is a single pass. A bit trie would
/// cost one pointer chase per bit (up to 128) and many small objects; with few distinct lengths
/// the hash tables win on both speed and memory.
/// </summary>
public sealed class LongestPrefixMatcher
{
    private readonly Level[] _ipv4;
    private readonly Level[] _ipv6;

    /// <summary>Builds the matcher; a prefix listed twice keeps its first value.</summary>
    public LongestPrefixMatcher(IEnumerable<KeyValuePair<AddressPrefix, string>> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        var byType = prefixes.GroupBy(p => p.Key.Type);
        _ipv4 = [];
        _ipv6 = [];
        foreach (var family in byType)
        {
            var levels = family
                .GroupBy(p => p.Key.Length)
                .OrderByDescending(g => g.Key)
                .Select(g =>
                {
                    var table = new Dictionary<UInt128, string>();
                    foreach (var (prefix, value) in g)
                    {
                        table.TryAdd(prefix.Network, value);
                    }

                    return new Level(AddressPrefix.MaskOf(family.Key, g.Key), table);
                })
                .ToArray();
            if (family.Key == EndpointAddressType.Ipv4)
            {
                _ipv4 = levels;
            }
            else
            {
                _ipv6 = levels;
            }
        }
    }

    /// <summary>The value of the longest prefix containing <paramref name="address"/>.</summary>
    public bool TryMatch(TypedEndpointAddress address, out string value)
    {
        var levels = address.Type == EndpointAddressType.Ipv4 ? _ipv4 : _ipv6;
        foreach (var level in levels)
        {
            if (level.Table.TryGetValue(address.Value & level.Mask, out value!))
            {
                return true;
            }
        }

        value = "";
        return false;
    }

    private readonly record struct Level(UInt128 Mask, Dictionary<UInt128, string> Table);
}

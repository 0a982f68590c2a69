namespace AltoGateway.Alto.Addressing;

/// <summary>
/// An EndpointAddrGroup (RFC 7285 §10.4.5): address type → prefixes, parsed. Address types other
/// than ipv4/ipv6 are kept as text in <see cref="UnknownTypes"/>: clients ignore them (§11.2.1.6)
/// but a proxy passes them on.
/// </summary>
public sealed class EndpointAddressGroup
{
    private EndpointAddressGroup(IReadOnlyList<AddressPrefix> prefixes, IReadOnlyDictionary<string, List<string>> unknownTypes)
    {
        Prefixes = prefixes;
        UnknownTypes = unknownTypes;
    }

    /// <summary>The ipv4 and ipv6 prefixes, in the order given.</summary>
    public IReadOnlyList<AddressPrefix> Prefixes { get; }

    /// <summary>Address types this version does not know, with their texts untouched.</summary>
    public IReadOnlyDictionary<string, List<string>> UnknownTypes { get; }

    /// <summary>
    /// Parses the JSON form {"ipv4":[…],"ipv6":[…]}; on failure <paramref name="badPrefix"/> is the
    /// first prefix text that did not parse and <paramref name="error"/> says why.
    /// </summary>
    public static bool TryParse(
        IReadOnlyDictionary<string, List<string>> group,
        out EndpointAddressGroup? parsed,
        out string? badPrefix,
        out EndpointAddressError error)
    {
        ArgumentNullException.ThrowIfNull(group);
        parsed = null;
        badPrefix = null;
        var prefixes = new List<AddressPrefix>();
        var unknown = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (typeName, texts) in group)
        {
            if (!EndpointAddressTypeNames.TryParse(typeName, out var type))
            {
                unknown[typeName] = texts;
                continue;
            }

            foreach (var text in texts)
            {
                if (!AddressPrefix.TryParse(type, text, out var prefix, out error))
                {
                    badPrefix = text;
                    return false;
                }

                prefixes.Add(prefix);
            }
        }

        parsed = new EndpointAddressGroup(prefixes, unknown);
        error = EndpointAddressError.None;
        return true;
    }

    /// <summary>True when some prefix of the group contains <paramref name="address"/>.</summary>
    public bool Contains(TypedEndpointAddress address) => Prefixes.Any(p => p.Contains(address));
}

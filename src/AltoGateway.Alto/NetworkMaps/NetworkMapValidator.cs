using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Identifiers;

namespace AltoGateway.Alto.NetworkMaps;

/// <summary>
/// Checks a network map as RFC 7285 §11.2.1.6 requires and reports every problem at once: PID names
/// (§10.1), prefixes (§10.4.4), completeness (0.0.0.0/0 and ::/0 in some PID) and no identical
/// prefix in two PIDs. Address types other than ipv4/ipv6 are skipped: clients ignore them but
/// keep the PID.
/// </summary>
public static class NetworkMapValidator
{
    /// <summary>All problems of <paramref name="map"/> (PID → address type → prefix texts), in map order.</summary>
    public static IReadOnlyList<NetworkMapProblem> Validate(
        IReadOnlyDictionary<string, Dictionary<string, List<string>>> map) =>
        Parse(map, out _);

    internal static IReadOnlyList<NetworkMapProblem> Parse(
        IReadOnlyDictionary<string, Dictionary<string, List<string>>> map,
        out List<KeyValuePair<AddressPrefix, string>> prefixes)
    {
        ArgumentNullException.ThrowIfNull(map);
        var problems = new List<NetworkMapProblem>();
        prefixes = [];
        var owners = new Dictionary<AddressPrefix, string>();
        foreach (var (pid, group) in map)
        {
            if (!AltoName.IsValidPidName(pid))
            {
                problems.Add(new(NetworkMapProblemKind.InvalidPidName, pid, pid));
            }

            foreach (var (typeName, texts) in group)
            {
                if (!EndpointAddressTypeNames.TryParse(typeName, out var type))
                {
                    continue;
                }

                foreach (var text in texts)
                {
                    if (!AddressPrefix.TryParse(type, text, out var prefix, out _))
                    {
                        problems.Add(new(NetworkMapProblemKind.InvalidPrefix, pid, text));
                        continue;
                    }

                    if (!owners.TryAdd(prefix, pid))
                    {
                        // The same prefix twice in one PID is redundant, not ambiguous.
                        if (owners[prefix] != pid)
                        {
                            problems.Add(new(NetworkMapProblemKind.DuplicatePrefix, pid, prefix.ToString()));
                        }

                        continue;
                    }

                    prefixes.Add(new(prefix, pid));
                }
            }
        }

        if (!owners.ContainsKey(new AddressPrefix(EndpointAddressType.Ipv4, 0, 0)))
        {
            problems.Add(new(NetworkMapProblemKind.MissingIpv4Default, null, "0.0.0.0/0"));
        }

        if (!owners.ContainsKey(new AddressPrefix(EndpointAddressType.Ipv6, 0, 0)))
        {
            problems.Add(new(NetworkMapProblemKind.MissingIpv6Default, null, "::/0"));
        }

        return problems;
    }
}

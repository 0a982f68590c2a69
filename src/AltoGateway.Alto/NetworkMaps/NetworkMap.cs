using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Messages;

namespace AltoGateway.Alto.NetworkMaps;

/// <summary>
/// A validated network map (RFC 7285 §11.2.1): PID → EndpointAddrGroup, with longest-prefix match
/// from an address to its PID.
/// </summary>
public sealed class NetworkMap
{
    private readonly LongestPrefixMatcher _matcher;

    private NetworkMap(IReadOnlyDictionary<string, Dictionary<string, List<string>>> groups, LongestPrefixMatcher matcher)
    {
        Groups = groups;
        _matcher = matcher;
    }

    /// <summary>PID → address type → prefix texts, as given (unknown address types included).</summary>
    public IReadOnlyDictionary<string, Dictionary<string, List<string>>> Groups { get; }

    /// <summary>The PID names.</summary>
    public IEnumerable<string> Pids => Groups.Keys;

    /// <summary>Builds the map when <see cref="NetworkMapValidator"/> finds nothing wrong; otherwise returns every problem.</summary>
    public static bool TryCreate(
        IReadOnlyDictionary<string, Dictionary<string, List<string>>> groups,
        out NetworkMap? map,
        out IReadOnlyList<NetworkMapProblem> problems)
    {
        problems = NetworkMapValidator.Parse(groups, out var prefixes);
        map = problems.Count == 0 ? new NetworkMap(groups, new LongestPrefixMatcher(prefixes)) : null;
        return map is not null;
    }

    /// <summary>Builds the map of a network map response.</summary>
    public static bool TryCreate(NetworkMapResponse response, out NetworkMap? map, out IReadOnlyList<NetworkMapProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(response);
        return TryCreate(response.NetworkMap, out map, out problems);
    }

    /// <summary>The PID of <paramref name="address"/> by longest-prefix match (§11.2.1.6).</summary>
    public bool TryFindPid(TypedEndpointAddress address, out string pid) => _matcher.TryMatch(address, out pid);
}

using System.Security.Cryptography;
using System.Text;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Identifiers;
using AltoGateway.Alto.Messages;
using AltoGateway.Alto.NetworkMaps;
using AltoGateway.Host.Configuration;

namespace AltoGateway.Host.Alto;

/// <summary>
/// The built-in server's maps, built once from the <c>Alto</c> section: the network map with its
/// vtag, and the routingcost matrix in numerical and ordinal mode. Immutable; shared by requests.
/// </summary>
internal sealed class AltoMaps
{
    public const string NetworkMapId = "default-network-map";

    private AltoMaps(
        NetworkMap map,
        Dictionary<string, Dictionary<string, List<string>>> groups,
        VersionTag vtag,
        Dictionary<string, Dictionary<string, double>> numerical,
        Dictionary<string, Dictionary<string, double>> ordinal)
    {
        Map = map;
        Groups = groups;
        Vtag = vtag;
        Numerical = numerical;
        Ordinal = ordinal;
    }

    /// <summary>numerical/routingcost, named "num-routingcost" in the IRD.</summary>
    public static CostType NumericalRoutingCost { get; } = new(CostMode.Numerical, CostMetric.RoutingCost);

    /// <summary>ordinal/routingcost, named "ord-routingcost" in the IRD.</summary>
    public static CostType OrdinalRoutingCost { get; } = new(CostMode.Ordinal, CostMetric.RoutingCost);

    /// <summary>The cost types every cost resource offers.</summary>
    public static IReadOnlyCollection<CostType> CostTypes { get; } = [NumericalRoutingCost, OrdinalRoutingCost];

    /// <summary>The validated map with longest-prefix match.</summary>
    public NetworkMap Map { get; }

    /// <summary>PID → address type → prefix texts, as served.</summary>
    public Dictionary<string, Dictionary<string, List<string>>> Groups { get; }

    /// <summary>The network map's vtag: a hash of its content, so it changes exactly when the map does.</summary>
    public VersionTag Vtag { get; }

    /// <summary>src PID → dst PID → routingcost.</summary>
    public Dictionary<string, Dictionary<string, double>> Numerical { get; }

    /// <summary>src PID → dst PID → rank of the numerical cost among the source's costs (1 = cheapest; ties share a rank).</summary>
    public Dictionary<string, Dictionary<string, double>> Ordinal { get; }

    /// <summary>Builds the maps; throws on a configuration that did not pass its validator.</summary>
    public static AltoMaps Build(AltoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var groups = AltoOptions.Groups(options.EffectivePids);
        if (!NetworkMap.TryCreate(groups, out var map, out var problems))
        {
            throw new InvalidOperationException("The Alto network map is invalid: " + string.Join("; ", problems));
        }

        var numerical = options.EffectiveCosts();
        return new AltoMaps(map!, groups, new VersionTag(NetworkMapId, TagOf(groups)), numerical, Rank(numerical));
    }

    /// <summary>The matrix of <paramref name="costType"/> (one of <see cref="CostTypes"/>).</summary>
    public Dictionary<string, Dictionary<string, double>> Matrix(CostType costType) =>
        costType.Equals(OrdinalRoutingCost) ? Ordinal : Numerical;

    /// <summary>
    /// Dense ranks per source (RFC 7285 §6.1.2: ordinal costs are non-negative integers, lower is
    /// better): the cheapest destination(s) get 1, the next distinct cost 2, and so on.
    /// </summary>
    public static Dictionary<string, Dictionary<string, double>> Rank(Dictionary<string, Dictionary<string, double>> numerical)
    {
        ArgumentNullException.ThrowIfNull(numerical);
        var ranked = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (source, row) in numerical)
        {
            var distinct = row.Values.Distinct().Order().ToList();
            ranked[source] = row.ToDictionary(p => p.Key, p => (double)(distinct.IndexOf(p.Value) + 1), StringComparer.Ordinal);
        }

        return ranked;
    }

    /// <summary>SHA-256 (64 hex characters, the longest tag §10.3 allows) of the map in a canonical order.</summary>
    private static string TagOf(Dictionary<string, Dictionary<string, List<string>>> groups)
    {
        var text = new StringBuilder();
        foreach (var (pid, group) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(pid).Append('\n');
            foreach (var (type, prefixes) in group.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                text.Append(' ').Append(type).Append('\n');
                foreach (var prefix in prefixes.Order(StringComparer.Ordinal))
                {
                    text.Append("  ").Append(prefix).Append('\n');
                }
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

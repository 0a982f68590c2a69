using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Identifiers;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.Messages;

namespace AltoGateway.Host.Alto;

/// <summary>
/// What the built-in ALTO server computes (RFC 7285 §11), without HTTP: one immutable snapshot of
/// the maps, with the full maps serialised once. Requests come already read and checked by
/// <see cref="AltoJsonReader"/>; every method is safe to call from any thread, and every response
/// is a fresh object the caller may change. <see cref="AltoServer.Current"/> holds the snapshot in service.
/// </summary>
internal sealed class AltoServerEngine
{
    private readonly byte[] _numericalCostMap;
    private readonly byte[] _ordinalCostMap;

    public AltoServerEngine(AltoMaps maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        Maps = maps;
        NetworkMapBody = AltoJsonWriter.Write(new NetworkMapResponse { Meta = new ResponseMeta { Vtag = maps.Vtag }, NetworkMap = maps.Groups });
        _numericalCostMap = AltoJsonWriter.Write(CostMap(AltoMaps.NumericalRoutingCost, maps.Numerical));
        _ordinalCostMap = AltoJsonWriter.Write(CostMap(AltoMaps.OrdinalRoutingCost, maps.Ordinal));
    }

    /// <summary>The maps this snapshot serves.</summary>
    public AltoMaps Maps { get; }

    /// <summary>The network map's vtag (§10.3).</summary>
    public VersionTag Vtag => Maps.Vtag;

    /// <summary>The full network map (§11.2.1), serialised. Do not modify.</summary>
    public byte[] NetworkMapBody { get; }

    /// <summary>The full cost map of <paramref name="costType"/> (one of <see cref="AltoMaps.CostTypes"/>, §11.2.3), serialised. Do not modify.</summary>
    public byte[] CostMapBody(CostType costType) =>
        Canonical(costType).Equals(AltoMaps.OrdinalRoutingCost) ? _ordinalCostMap : _numericalCostMap;

    /// <summary>True when <paramref name="other"/> serves exactly the same network map and costs.</summary>
    public bool ServesSameAs(AltoServerEngine other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return NetworkMapBody.AsSpan().SequenceEqual(other.NetworkMapBody)
            && _numericalCostMap.AsSpan().SequenceEqual(other._numericalCostMap)
            && _ordinalCostMap.AsSpan().SequenceEqual(other._ordinalCostMap);
    }

    /// <summary>
    /// The filtered network map (§11.3.1): empty means all, duplicates count once, unknown PIDs and
    /// address types are ignored (§11.3.1.3); the vtag is the full map's (§11.3.1.6).
    /// </summary>
    public NetworkMapResponse FilteredNetworkMap(NetworkMapFilterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pids = request.Pids.Count == 0 ? null : request.Pids.ToHashSet(StringComparer.Ordinal);
        var types = request.AddressTypes is null or { Count: 0 } ? null : request.AddressTypes.ToHashSet(StringComparer.Ordinal);
        var map = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (var (pid, group) in Maps.Groups)
        {
            if (pids is null || pids.Contains(pid))
            {
                map[pid] = group.Where(g => types is null || types.Contains(g.Key))
                    .ToDictionary(g => g.Key, g => g.Value.ToList(), StringComparer.Ordinal);
            }
        }

        return new NetworkMapResponse { Meta = new ResponseMeta { Vtag = Maps.Vtag }, NetworkMap = map };
    }

    /// <summary>The filtered cost map (§11.3.2): empty or absent srcs/dsts mean all PIDs; constraints are ANDed (§11.3.2.3).</summary>
    public CostMapResponse FilteredCostMap(FilteredCostMapRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var costType = Canonical(request.CostType);
        var constraints = Constraints(request.Constraints);
        var srcs = request.Pids?.Srcs is { Count: > 0 } s ? s.ToHashSet(StringComparer.Ordinal) : null;
        var dsts = request.Pids?.Dsts is { Count: > 0 } d ? d.ToHashSet(StringComparer.Ordinal) : null;
        var matrix = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (source, row) in Maps.Matrix(costType))
        {
            if (srcs is null || srcs.Contains(source))
            {
                matrix[source] = row
                    .Where(p => (dsts is null || dsts.Contains(p.Key)) && constraints.Admits(p.Value))
                    .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            }
        }

        return CostMap(costType, matrix);
    }

    /// <summary>
    /// §11.4.1.3: every property asked must be one the resource offers ("pid" and
    /// "default-network-map.pid"); the error to answer when one is not, otherwise null.
    /// </summary>
    public static AltoError? CheckProperties(EndpointPropertyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Properties.FirstOrDefault(p => !IsOffered(p)) is { } unsupported
            ? AltoError.InvalidFieldValue("properties", unsupported)
            : null;
    }

    /// <summary>
    /// The EPS (§11.4.1): the PID of each endpoint under each property asked (entries listed twice
    /// count once). Properties not offered (see <see cref="CheckProperties"/>) get no value; endpoints
    /// that are no typed address (§10.4, never in a checked request) cannot be named in an answer and are left out.
    /// </summary>
    internal EndpointPropertyResponse EndpointProperties(EndpointPropertyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var properties = request.Properties.Where(IsOffered).Distinct(StringComparer.Ordinal).ToList();
        var answer = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var text in request.Endpoints.Where(IsAddress))
        {
            answer[text] = TryFindPid(text, out var pid)
                ? properties.ToDictionary(p => p, _ => pid, StringComparer.Ordinal)
                : [];
        }

        return new EndpointPropertyResponse { Meta = new ResponseMeta { DependentVtags = [Maps.Vtag] }, EndpointProperties = answer };
    }

    /// <summary>
    /// The ECS (§11.5.1), answered in the names of the request. Srcs or dsts empty or absent mean
    /// <paramref name="client"/> (§11.5.1.3); pairs with no defined cost are omitted (§11.5.1.6).
    /// Ordinal costs are the dense rank of the numerical cost among the destinations asked, per
    /// source (1 = cheapest, ties share a rank), as in the §11.5.1.7 example. Endpoints that are no
    /// typed address (§10.4, never in a checked request) cannot be named in an answer and are left out.
    /// </summary>
    internal EndpointCostResponse EndpointCost(EndpointCostRequest request, TypedEndpointAddress client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var costType = Canonical(request.CostType);
        var constraints = Constraints(request.Constraints);
        var srcs = request.Endpoints.Srcs is { Count: > 0 } givenSrcs ? givenSrcs : [client.ToString()];
        var dsts = request.Endpoints.Dsts is { Count: > 0 } givenDsts ? givenDsts : [client.ToString()];
        var numerical = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var src in srcs.Where(IsAddress))
        {
            var row = new Dictionary<string, double>(StringComparer.Ordinal);
            if (TryFindPid(src, out var srcPid) && Maps.Numerical.TryGetValue(srcPid, out var costs))
            {
                foreach (var dst in dsts)
                {
                    if (TryFindPid(dst, out var dstPid) && costs.TryGetValue(dstPid, out var cost))
                    {
                        row[dst] = cost;
                    }
                }
            }

            numerical[src] = row;
        }

        var values = costType.Equals(AltoMaps.OrdinalRoutingCost) ? AltoMaps.Rank(numerical) : numerical;
        var answer = values.ToDictionary(
            r => r.Key,
            r => r.Value.Where(p => constraints.Admits(p.Value)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            StringComparer.Ordinal);
        return new EndpointCostResponse { Meta = new ResponseMeta { CostType = costType }, EndpointCostMap = answer };
    }

    /// <summary>
    /// The ECS (§11.5.1) for addresses, without text: the cost from each source to each destination
    /// (NaN where no cost is defined), numerical, or ordinal as the dense rank among the destinations
    /// given, exactly as <see cref="EndpointCost"/> ranks. No constraints: the caller applies them.
    /// Null when <paramref name="costType"/> is not one of <see cref="AltoMaps.CostTypes"/>.
    /// </summary>
    internal double[,]? EndpointCosts(CostType costType, IReadOnlyList<TypedEndpointAddress> srcs, IReadOnlyList<TypedEndpointAddress> dsts)
    {
        ArgumentNullException.ThrowIfNull(costType);
        ArgumentNullException.ThrowIfNull(srcs);
        ArgumentNullException.ThrowIfNull(dsts);
        if (!AltoMaps.CostTypes.Contains(costType))
        {
            return null;
        }

        var dstPids = new string?[dsts.Count];
        for (var j = 0; j < dsts.Count; j++)
        {
            dstPids[j] = Maps.Map.TryFindPid(dsts[j], out var pid) ? pid : null;
        }

        var ordinal = costType.Equals(AltoMaps.OrdinalRoutingCost);
        var costs = new double[srcs.Count, dsts.Count];
        var row = new double[dsts.Count];
        for (var i = 0; i < srcs.Count; i++)
        {
            var known = Maps.Map.TryFindPid(srcs[i], out var srcPid) && Maps.Numerical.TryGetValue(srcPid, out var fromSource) ? fromSource : null;
            for (var j = 0; j < dsts.Count; j++)
            {
                row[j] = known is not null && dstPids[j] is { } dstPid && known.TryGetValue(dstPid, out var cost) ? cost : double.NaN;
            }

            if (ordinal)
            {
                RankInPlace(row);
            }

            for (var j = 0; j < dsts.Count; j++)
            {
                costs[i, j] = row[j];
            }
        }

        return costs;
    }

    /// <summary>Dense ranks of the defined costs (1 = cheapest, ties share a rank), as <see cref="AltoMaps.Rank"/> computes them.</summary>
    private static void RankInPlace(double[] row)
    {
        var distinct = row.Where(c => !double.IsNaN(c)).Distinct().Order().ToArray();
        for (var j = 0; j < row.Length; j++)
        {
            if (!double.IsNaN(row[j]))
            {
                row[j] = Array.BinarySearch(distinct, row[j]) + 1;
            }
        }
    }

    private CostMapResponse CostMap(CostType costType, Dictionary<string, Dictionary<string, double>> matrix) => new()
    {
        // §11.2.3.6: exactly one dependent vtag, the network map's.
        Meta = new ResponseMeta { DependentVtags = [Maps.Vtag], CostType = costType },
        CostMap = matrix,
    };

    private bool TryFindPid(string text, out string pid)
    {
        pid = string.Empty;
        return TypedEndpointAddress.TryParse(text, out var address, out _) && Maps.Map.TryFindPid(address, out pid);
    }

    private static bool IsAddress(string text) => TypedEndpointAddress.TryParse(text, out _, out _);

    private static bool IsOffered(string property) =>
        property is AltoServerDirectory.PidProperty || property == AltoServerDirectory.NetworkMapPidProperty;

    /// <summary>The request's constraints, already checked by the reader (§11.3.2.3: ANDed); unreadable ones constrain nothing.</summary>
    private static CostConstraintSet Constraints(List<string>? texts) =>
        CostConstraintSet.TryParse(texts, out var set, out _, out _) ? set : CostConstraintSet.None;

    /// <summary>The served cost type (without a description) for one of <see cref="AltoMaps.CostTypes"/>.</summary>
    private static CostType Canonical(CostType asked) =>
        asked.Equals(AltoMaps.OrdinalRoutingCost) ? AltoMaps.OrdinalRoutingCost : AltoMaps.NumericalRoutingCost;
}

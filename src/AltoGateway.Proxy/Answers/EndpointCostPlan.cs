using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Placement;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy.Answers;

/// <summary>
/// One third-party ECS (RFC 7285 §11.5.1) through the proxy: the question for the upstream, built
/// from the placed endpoints, and the answer for the tracker, built from the upstream's answer and
/// keyed by the names the tracker used.
/// <list type="bullet">
/// <item>The upstream is never sent an empty srcs or dsts (§11.5.1.3 would substitute the proxy's own
/// address): when nothing is left to ask, <see cref="UpstreamRequest"/> is null.</item>
/// <item>Several names that place at one address are asked once.</item>
/// <item>Home mode: a pair of two peers inside the LAN costs <see cref="LocalNumericalCost"/>
/// (numerical) or rank 1 (ordinal, the upstream's ranks in that row moving down by one), and is not
/// asked upstream; the request's constraints then apply here, so they are not forwarded.</item>
/// <item>Endpoints without an answer are reported (<see cref="ProxyReport"/>).</item>
/// </list>
/// </summary>
public sealed class EndpointCostPlan
{
    /// <summary>The numerical routing cost between two peers of one LAN: no network between them is the ISP's.</summary>
    public const double LocalNumericalCost = 0;

    private readonly EndpointCostRequest _request;
    private readonly List<EndpointPlacement> _srcs;
    private readonly List<EndpointPlacement> _dsts;
    private readonly ProxyReport _report = new();
    private readonly CostConstraintSet _constraints;
    private readonly bool _hasLocalPairs;

    private EndpointCostPlan(EndpointCostRequest request, List<EndpointPlacement> srcs, List<EndpointPlacement> dsts)
    {
        _request = request;
        foreach (var placement in srcs.Concat(dsts))
        {
            _report.Add(placement);
        }

        _srcs = srcs.Where(p => p.IsPlaced).ToList();
        _dsts = dsts.Where(p => p.IsPlaced).ToList();
        _constraints = CostConstraintSet.TryParse(request.Constraints, out var set, out _, out _) ? set : CostConstraintSet.None;
        _hasLocalPairs = _srcs.Any(s => s.InsideLan) && _dsts.Any(d => d.InsideLan);
        UpstreamRequest = BuildUpstreamRequest();
    }

    /// <summary>The question for the upstream; null when every pair is answered here or nothing could be placed.</summary>
    public EndpointCostRequest? UpstreamRequest { get; }

    /// <summary>What the answer will report.</summary>
    public ProxyReport Report => _report;

    /// <summary>
    /// Plans the request: <paramref name="srcs"/> and <paramref name="dsts"/> are the placements of
    /// the request's endpoints (srcs already including the tracker's own address when it gave none).
    /// </summary>
    public static EndpointCostPlan Create(EndpointCostRequest request, IReadOnlyList<EndpointPlacement> srcs, IReadOnlyList<EndpointPlacement> dsts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(srcs);
        ArgumentNullException.ThrowIfNull(dsts);
        return new EndpointCostPlan(request, [.. srcs], [.. dsts]);
    }

    /// <summary>
    /// The tracker's answer from the upstream's (<paramref name="upstream"/>; null when none was asked),
    /// with the report written into meta.
    /// </summary>
    public EndpointCostResponse Assemble(EndpointCostResponse? upstream, string upstreamName, IReadOnlyList<string> tolerated)
    {
        ArgumentNullException.ThrowIfNull(upstreamName);
        ArgumentNullException.ThrowIfNull(tolerated);
        var rows = new UpstreamKeys<Dictionary<string, double>>(upstream?.EndpointCostMap);
        var ordinal = _request.CostType.CostMode == CostMode.Ordinal;
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var map = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var src in _srcs)
        {
            if (map.ContainsKey(src.Name.Text))
            {
                continue;
            }

            var upstreamRow = rows.TryGetValue(src.AskAsText, out var found) ? new UpstreamKeys<double>(found) : null;
            var local = src.InsideLan && _dsts.Any(d => d.InsideLan);
            var row = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var dst in _dsts)
            {
                double cost;
                if (src.InsideLan && dst.InsideLan)
                {
                    cost = ordinal ? 1 : LocalNumericalCost;
                }
                else if (upstreamRow is not null && upstreamRow.TryGetValue(dst.AskAsText, out var upstreamCost))
                {
                    cost = ordinal && local ? upstreamCost + 1 : upstreamCost;
                }
                else
                {
                    continue;
                }

                answered.Add(dst.Name.Text);
                if (_constraints.Admits(cost))
                {
                    row[dst.Name.Text] = cost;
                }
            }

            if (upstreamRow is null && !local)
            {
                // Asked, and no row came back. With constraints an empty row may be left out (§11.5.1.3).
                if (upstream is not null && UpstreamRequest is not null && _request.Constraints is not { Count: > 0 })
                {
                    _report.AddUnresolved(src.Name.Text, UnresolvedReason.UpstreamNoAnswer);
                }

                continue;
            }

            map[src.Name.Text] = row;
        }

        // A destination nobody has a cost for was dropped by the upstream. With constraints a missing
        // cost may simply not satisfy them (§11.5.1.3), so nothing is inferred then.
        if (_request.Constraints is not { Count: > 0 } && map.Count > 0)
        {
            foreach (var dst in _dsts.Where(d => !answered.Contains(d.Name.Text)))
            {
                _report.AddUnresolved(dst.Name.Text, UnresolvedReason.UpstreamNoAnswer);
            }
        }

        var meta = new ResponseMeta { CostType = _request.CostType, ExtensionData = ExtensionFields.Copy(upstream?.Meta.ExtensionData) };
        _report.WriteInto(meta, UpstreamRequest is null ? UpstreamNames.None : upstreamName, tolerated);
        return new EndpointCostResponse { Meta = meta, EndpointCostMap = map, ExtensionData = ExtensionFields.Copy(upstream?.ExtensionData) };
    }

    private EndpointCostRequest? BuildUpstreamRequest()
    {
        // A source needs asking when some destination is not a LAN pair with it: it is outside the
        // LAN, or some destination is. Likewise for destinations.
        var anyDstOutside = _dsts.Any(d => !d.InsideLan);
        var anySrcOutside = _srcs.Any(s => !s.InsideLan);
        var srcs = Distinct(_srcs.Where(s => _dsts.Count > 0 && (!s.InsideLan || anyDstOutside)));
        var dsts = Distinct(_dsts.Where(d => _srcs.Count > 0 && (!d.InsideLan || anySrcOutside)));

        if (srcs.Count == 0 || dsts.Count == 0)
        {
            return null;
        }

        return new EndpointCostRequest
        {
            CostType = _request.CostType,
            Constraints = _hasLocalPairs ? null : _request.Constraints,
            Endpoints = new EndpointFilter { Srcs = srcs, Dsts = dsts, ExtensionData = ExtensionFields.Copy(_request.Endpoints.ExtensionData) },
            ExtensionData = ExtensionFields.Copy(_request.ExtensionData), // §8.3.7: fields we do not know travel on
        };
    }

    /// <summary>The placements' addresses, each once, in the order first named.</summary>
    private static List<string> Distinct(IEnumerable<EndpointPlacement> placements)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>();
        foreach (var placement in placements)
        {
            if (seen.Add(placement.AskAsText))
            {
                list.Add(placement.AskAsText);
            }
        }

        return list;
    }
}

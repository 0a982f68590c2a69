using AltoGateway.Alto.Addressing;
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
    private readonly int[] _srcPositions;
    private readonly int[] _dstPositions;
    private EndpointCostRequest? _upstreamRequest;

    private EndpointCostPlan(EndpointCostRequest request, IReadOnlyList<EndpointPlacement> srcs, IReadOnlyList<EndpointPlacement> dsts)
    {
        // Plain loops: this runs for every request, over every endpoint it names.
        _request = request;
        _srcs = Placed(srcs, _report, out var anySrcInside, out var anySrcOutside);
        _dsts = Placed(dsts, _report, out var anyDstInside, out var anyDstOutside);
        _constraints = CostConstraintSet.TryParse(request.Constraints, out var set, out _, out _) ? set : CostConstraintSet.None;
        _hasLocalPairs = anySrcInside && anyDstInside;

        // A source needs asking when some destination is not a LAN pair with it: it is outside the
        // LAN, or some destination is. Likewise for destinations.
        (AskedSources, _srcPositions) = Distinct(_srcs, _dsts.Count > 0, anyDstOutside);
        (AskedDestinations, _dstPositions) = Distinct(_dsts, _srcs.Count > 0, anySrcOutside);
        NeedsUpstream = AskedSources.Count > 0 && AskedDestinations.Count > 0;
    }

    /// <summary>Whether any pair needs the upstream: false when every pair is answered here or nothing could be placed.</summary>
    public bool NeedsUpstream { get; }

    /// <summary>The sources the upstream is asked about, each address once.</summary>
    public IReadOnlyList<TypedEndpointAddress> AskedSources { get; }

    /// <summary>The destinations the upstream is asked about, each address once.</summary>
    public IReadOnlyList<TypedEndpointAddress> AskedDestinations { get; }

    /// <summary>The question for an upstream asked in JSON; null when <see cref="NeedsUpstream"/> is false. Made when first asked for.</summary>
    public EndpointCostRequest? UpstreamRequest => NeedsUpstream ? _upstreamRequest ??= BuildUpstreamRequest() : null;

    /// <summary>The question for an upstream that takes addresses: cost type and asked addresses (constraints apply here).</summary>
    public Alto.Costs.CostType CostType => _request.CostType;

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
        return new EndpointCostPlan(request, srcs, dsts);
    }

    /// <summary>
    /// The tracker's answer from the upstream's (<paramref name="upstream"/>; null when none was asked),
    /// with the report written into meta.
    /// </summary>
    public EndpointCostResponse Assemble(EndpointCostResponse? upstream, string upstreamName, IReadOnlyList<string> tolerated)
    {
        ArgumentNullException.ThrowIfNull(upstreamName);
        ArgumentNullException.ThrowIfNull(tolerated);
        var answer = Assemble(upstream is null ? null : new MessageCosts(upstream), upstreamName, tolerated);
        answer.Meta.ExtensionData = MergeFields(answer.Meta.ExtensionData, upstream?.Meta.ExtensionData);
        answer.ExtensionData = ExtensionFields.Copy(upstream?.ExtensionData);
        return answer;
    }

    /// <summary>The tracker's answer from a cost matrix of <see cref="AskedSources"/> × <see cref="AskedDestinations"/>.</summary>
    public EndpointCostResponse AssembleFromMatrix(double[,] costs, string upstreamName, IReadOnlyList<string> tolerated)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return Assemble(new MatrixCosts(costs, _srcPositions, _dstPositions), upstreamName, tolerated);
    }

    private EndpointCostResponse Assemble(UpstreamCosts? upstream, string upstreamName, IReadOnlyList<string> tolerated)
    {
        var ordinal = _request.CostType.CostMode == CostMode.Ordinal;
        var anyDstInside = _dsts.Exists(d => d.InsideLan);
        var answered = new bool[_dsts.Count];
        var map = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        for (var i = 0; i < _srcs.Count; i++)
        {
            var src = _srcs[i];
            if (map.ContainsKey(src.Name.Text))
            {
                continue;
            }

            var upstreamRow = -1;
            var hasRow = upstream is not null && upstream.TryFindRow(i, src, out upstreamRow);
            var local = src.InsideLan && anyDstInside;
            var row = new Dictionary<string, double>(_dsts.Count, StringComparer.Ordinal);
            for (var j = 0; j < _dsts.Count; j++)
            {
                var dst = _dsts[j];
                double cost;
                if (src.InsideLan && dst.InsideLan)
                {
                    cost = ordinal ? 1 : LocalNumericalCost;
                }
                else if (hasRow && upstream!.TryGetCost(upstreamRow, j, dst, out var upstreamCost))
                {
                    cost = ordinal && local ? upstreamCost + 1 : upstreamCost;
                }
                else
                {
                    continue;
                }

                answered[j] = true;
                if (_constraints.Admits(cost))
                {
                    row[dst.Name.Text] = cost;
                }
            }

            if (!hasRow && !local)
            {
                // Asked, and no row came back. With constraints an empty row may be left out (§11.5.1.3).
                if (upstream is not null && NeedsUpstream && _request.Constraints is not { Count: > 0 })
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
            for (var j = 0; j < _dsts.Count; j++)
            {
                if (!answered[j])
                {
                    _report.AddUnresolved(_dsts[j].Name.Text, UnresolvedReason.UpstreamNoAnswer);
                }
            }
        }

        var meta = new ResponseMeta { CostType = _request.CostType };
        _report.WriteInto(meta, NeedsUpstream ? upstreamName : UpstreamNames.None, tolerated);
        return new EndpointCostResponse { Meta = meta, EndpointCostMap = map };
    }

    /// <summary>For each asked source (by its number in <see cref="AskedSources"/>), the first placement asking it.</summary>
    public IReadOnlyList<EndpointPlacement> AskedSourcePlacements()
    {
        var placements = new EndpointPlacement[AskedSources.Count];
        for (var i = _srcs.Count - 1; i >= 0; i--)
        {
            if (_srcPositions[i] >= 0)
            {
                placements[_srcPositions[i]] = _srcs[i];
            }
        }

        return placements;
    }

    /// <summary>The tracker's names of the sources asked as asked source number <paramref name="askedSource"/>, in order.</summary>
    public IEnumerable<string> SourceNames(int askedSource)
    {
        for (var i = 0; i < _srcs.Count; i++)
        {
            if (_srcPositions[i] == askedSource)
            {
                yield return _srcs[i].Name.Text;
            }
        }
    }

    /// <summary>
    /// The sub-request for the asked sources numbered <paramref name="askedSources"/> (RFC 8686 §4.4, split by
    /// source), asking every asked destination, each named by <paramref name="askDestinationAs"/> (null: as the plan
    /// asks it); destinations that come out the same are asked once.
    /// </summary>
    public EndpointCostPart Part(IReadOnlyList<int> askedSources, Func<EndpointPlacement, TypedEndpointAddress>? askDestinationAs = null)
    {
        ArgumentNullException.ThrowIfNull(askedSources);
        if (!NeedsUpstream || askedSources.Count == 0)
        {
            throw new InvalidOperationException("a part needs sources, and a plan that asks upstream");
        }

        var rowOfAsked = new int[AskedSources.Count];
        Array.Fill(rowOfAsked, -1);
        var sources = new List<TypedEndpointAddress>(askedSources.Count);
        foreach (var asked in askedSources)
        {
            if (rowOfAsked[asked] < 0)
            {
                rowOfAsked[asked] = sources.Count;
                sources.Add(AskedSources[asked]);
            }
        }

        var columnOfAsked = new int[AskedDestinations.Count];
        var destinations = new List<TypedEndpointAddress>(AskedDestinations.Count);
        if (askDestinationAs is null)
        {
            for (var c = 0; c < columnOfAsked.Length; c++)
            {
                columnOfAsked[c] = c;
                destinations.Add(AskedDestinations[c]);
            }
        }
        else
        {
            var index = new Dictionary<TypedEndpointAddress, int>(AskedDestinations.Count);
            Array.Fill(columnOfAsked, -1);
            for (var j = 0; j < _dsts.Count; j++)
            {
                var c = _dstPositions[j];
                if (c < 0 || columnOfAsked[c] >= 0)
                {
                    continue;
                }

                var address = askDestinationAs(_dsts[j]);
                if (!index.TryGetValue(address, out var column))
                {
                    column = destinations.Count;
                    index.Add(address, column);
                    destinations.Add(address);
                }

                columnOfAsked[c] = column;
            }
        }

        return new EndpointCostPart(_request.CostType, rowOfAsked, sources, columnOfAsked, destinations, BuildUpstreamRequest);
    }

    /// <summary>
    /// The tracker's answer from the answers of <paramref name="parts"/> (each source's row from its own part; a part
    /// nobody answered leaves its sources unresolved), with the report written into meta.
    /// </summary>
    public EndpointCostResponse AssembleParts(IReadOnlyList<EndpointCostPart> parts, string upstreamName, IReadOnlyList<string> tolerated)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(upstreamName);
        ArgumentNullException.ThrowIfNull(tolerated);
        var answer = Assemble(new PartCosts(parts, _srcPositions, _dstPositions, AskedSources.Count), upstreamName, tolerated);
        foreach (var part in parts)
        {
            if (part.Response is { } response)
            {
                answer.Meta.ExtensionData = MergeFields(answer.Meta.ExtensionData, response.Meta.ExtensionData);
                answer.ExtensionData = MergeFields(answer.ExtensionData, response.ExtensionData);
            }
        }

        return answer;
    }

    /// <summary>The upstream's unknown meta fields, under ours (ours win a clash).</summary>
    private static IDictionary<string, System.Text.Json.JsonElement>? MergeFields(IDictionary<string, System.Text.Json.JsonElement>? ours, IDictionary<string, System.Text.Json.JsonElement>? theirs)
    {
        if (theirs is null)
        {
            return ours;
        }

        var merged = ExtensionFields.Copy(theirs)!;
        foreach (var (name, value) in ours ?? new Dictionary<string, System.Text.Json.JsonElement>())
        {
            merged[name] = value;
        }

        return merged;
    }

    private EndpointCostRequest BuildUpstreamRequest() => BuildUpstreamRequest(AskedSources, AskedDestinations);

    private EndpointCostRequest BuildUpstreamRequest(IReadOnlyList<TypedEndpointAddress> askedSources, IReadOnlyList<TypedEndpointAddress> askedDestinations)
    {
        var srcs = askedSources.Select(a => a.ToString()).ToList();
        var dsts = askedDestinations.Select(a => a.ToString()).ToList();
        return new EndpointCostRequest
        {
            CostType = _request.CostType,
            Constraints = _hasLocalPairs ? null : _request.Constraints,
            Endpoints = new EndpointFilter { Srcs = srcs, Dsts = dsts, ExtensionData = ExtensionFields.Copy(_request.Endpoints.ExtensionData) },
            ExtensionData = ExtensionFields.Copy(_request.ExtensionData), // §8.3.7: fields we do not know travel on
        };
    }

    /// <summary>
    /// The placed ones of <paramref name="placements"/>, in order; every unplaced or approximate one
    /// goes into <paramref name="report"/>. Also says whether any placed one is inside the LAN, and
    /// whether any is outside it.
    /// </summary>
    private static List<EndpointPlacement> Placed(IReadOnlyList<EndpointPlacement> placements, ProxyReport report, out bool anyInside, out bool anyOutside)
    {
        var placed = new List<EndpointPlacement>(placements.Count);
        anyInside = anyOutside = false;
        for (var i = 0; i < placements.Count; i++)
        {
            var placement = placements[i];
            report.Add(placement);
            if (placement.IsPlaced)
            {
                placed.Add(placement);
                anyInside |= placement.InsideLan;
                anyOutside |= !placement.InsideLan;
            }
        }

        return placed;
    }

    /// <summary>
    /// The addresses of the placements that are asked upstream, each once, in the order first named;
    /// and for every placement the position of its address among them (-1: not asked). None is asked
    /// when the other side is empty (<paramref name="otherSideHasAny"/> false); one inside the LAN only
    /// when the other side has a peer outside it (<paramref name="otherSideHasOutside"/>): a pair of
    /// two LAN peers is ranked here.
    /// </summary>
    /// <remarks>
    /// Equal addresses are found by sorting the asked placements by address (then by index), not with a
    /// hash table: for the hundred or so endpoints of a typical request the keys live on the stack, so
    /// nothing is allocated but the results.
    /// </remarks>
    private static (List<TypedEndpointAddress> Addresses, int[] Positions) Distinct(List<EndpointPlacement> placements, bool otherSideHasAny, bool otherSideHasOutside)
    {
        const int OnStack = 128;
        var count = placements.Count;
        var positions = new int[count];
        Span<AddressAt> keys = count <= OnStack ? stackalloc AddressAt[count] : new AddressAt[count];
        var asked = 0;
        for (var i = 0; i < count; i++)
        {
            var placement = placements[i];
            if (!otherSideHasAny || (placement.InsideLan && !otherSideHasOutside))
            {
                positions[i] = -1;
                continue;
            }

            keys[asked++] = new AddressAt(placement.AskAs, i);
        }

        var sorted = keys[..asked];
        sorted.Sort(default(ByAddressThenIndex));

        // first[i]: the first-named placement with i's address (sorting put it at the head of its run).
        Span<int> first = count <= OnStack ? stackalloc int[count] : new int[count];
        for (var run = 0; run < asked;)
        {
            var lead = sorted[run];
            var next = run;
            while (next < asked && sorted[next].Address == lead.Address)
            {
                first[sorted[next++].Index] = lead.Index;
            }

            run = next;
        }

        var addresses = new List<TypedEndpointAddress>(asked);
        for (var i = 0; i < count; i++)
        {
            if (positions[i] == -1)
            {
                continue;
            }

            if (first[i] == i)
            {
                positions[i] = addresses.Count;
                addresses.Add(placements[i].AskAs);
            }
            else
            {
                positions[i] = positions[first[i]]; // named earlier, so already placed
            }
        }

        return (addresses, positions);
    }

    /// <summary>An asked address and the index of the placement that names it.</summary>
    private readonly record struct AddressAt(TypedEndpointAddress Address, int Index);

    /// <summary>Orders by address type, address, then index: a struct, so the sort calls it directly.</summary>
    private readonly struct ByAddressThenIndex : IComparer<AddressAt>
    {
        public int Compare(AddressAt x, AddressAt y) =>
            x.Address.Type != y.Address.Type ? x.Address.Type.CompareTo(y.Address.Type)
            : x.Address.Value != y.Address.Value ? x.Address.Value.CompareTo(y.Address.Value)
            : x.Index.CompareTo(y.Index);
    }
}

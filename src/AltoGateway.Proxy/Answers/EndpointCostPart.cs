using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Messages;

namespace AltoGateway.Proxy.Answers;

/// <summary>
/// The sub-request of an <see cref="EndpointCostPlan"/> for some of its asked sources (RFC 8686 §4.4: an n:m ECS is
/// split by source, and each part asks the ALTO server responsible for its sources). Its destinations are the plan's,
/// possibly named otherwise (a server of another network knows this NAT's subscribers by their public address only);
/// never empty, since a part exists only for sources the plan asks about and the plan asks only when it has destinations.
/// </summary>
public sealed class EndpointCostPart
{
    private readonly int[] _rowOfAsked;
    private readonly int[] _columnOfAsked;
    private readonly Func<IReadOnlyList<TypedEndpointAddress>, IReadOnlyList<TypedEndpointAddress>, EndpointCostRequest> _build;
    private EndpointCostRequest? _request;
    private UpstreamKeys<Dictionary<string, double>>? _rows;
    private List<UpstreamKeys<double>>? _found;
    private double[,]? _matrix;
    private string[]? _destinationTexts;

    internal EndpointCostPart(
        Alto.Costs.CostType costType,
        int[] rowOfAsked,
        List<TypedEndpointAddress> sources,
        int[] columnOfAsked,
        List<TypedEndpointAddress> destinations,
        Func<IReadOnlyList<TypedEndpointAddress>, IReadOnlyList<TypedEndpointAddress>, EndpointCostRequest> build)
    {
        CostType = costType;
        _rowOfAsked = rowOfAsked;
        AskedSources = sources;
        _columnOfAsked = columnOfAsked;
        AskedDestinations = destinations;
        _build = build;
    }

    /// <summary>The sources this part asks about, each once.</summary>
    public IReadOnlyList<TypedEndpointAddress> AskedSources { get; }

    /// <summary>The destinations this part asks about, each once.</summary>
    public IReadOnlyList<TypedEndpointAddress> AskedDestinations { get; }

    /// <summary>The cost type asked.</summary>
    public Alto.Costs.CostType CostType { get; }

    /// <summary>The question for an upstream asked in JSON; made when first asked for.</summary>
    public EndpointCostRequest UpstreamRequest => _request ??= _build(AskedSources, AskedDestinations);

    /// <summary>Who answered this part; null until <see cref="SetAnswer"/>, or when nobody did.</summary>
    public string? Upstream { get; private set; }

    /// <summary>The JSON answer, when the upstream gave one.</summary>
    public EndpointCostResponse? Response { get; private set; }

    /// <summary>Records the answer (a JSON response or a matrix of <see cref="AskedSources"/> × <see cref="AskedDestinations"/>) and who gave it.</summary>
    public void SetAnswer(EndpointCostResponse? response, double[,]? matrix, string upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        Response = response;
        _matrix = matrix;
        _rows = response is null ? null : new UpstreamKeys<Dictionary<string, double>>(response.EndpointCostMap);
        _destinationTexts = response is null ? null : AskedDestinations.Select(d => d.ToString()).ToArray();
        Upstream = upstream;
    }

    /// <summary>Whether the plan's asked source number <paramref name="askedSource"/> belongs to this part.</summary>
    public bool Asks(int askedSource) => _rowOfAsked[askedSource] >= 0;

    internal bool TryFindRow(int askedSource, out int row)
    {
        row = _rowOfAsked[askedSource];
        if (row < 0 || Upstream is null)
        {
            return false;
        }

        if (_matrix is not null)
        {
            return true;
        }

        if (_rows is null || !_rows.TryGetValue(AskedSources[row].ToString(), out var costs))
        {
            return false;
        }

        (_found ??= []).Add(new UpstreamKeys<double>(costs));
        row = _found.Count - 1;
        return true;
    }

    internal bool TryGetCost(int row, int askedDestination, out double cost)
    {
        var column = _columnOfAsked[askedDestination];
        if (_matrix is not null)
        {
            cost = _matrix[row, column];
            return !double.IsNaN(cost);
        }

        return _found![row].TryGetValue(_destinationTexts![column], out cost);
    }
}

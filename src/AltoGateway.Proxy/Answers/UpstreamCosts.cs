using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Placement;

namespace AltoGateway.Proxy.Answers;

/// <summary>The upstream's answer as the plan reads it: a row per asked source, a cost per asked destination.</summary>
internal abstract class UpstreamCosts
{
    /// <summary>The row of <paramref name="src"/>, the plan's source number <paramref name="source"/>; false when the upstream left it out.</summary>
    public abstract bool TryFindRow(int source, EndpointPlacement src, out int row);

    /// <summary>The cost of one pair (<paramref name="destination"/> is the plan's destination number); false when the upstream defines none.</summary>
    public abstract bool TryGetCost(int row, int destination, EndpointPlacement dst, out double cost);
}

/// <summary>An ECS answer as JSON gave it, found by canonical address text (<see cref="UpstreamKeys{T}"/>).</summary>
internal sealed class MessageCosts(EndpointCostResponse? response) : UpstreamCosts
{
    private readonly UpstreamKeys<Dictionary<string, double>> _rows = new(response?.EndpointCostMap);
    private readonly List<UpstreamKeys<double>> _found = [];

    public override bool TryFindRow(int source, EndpointPlacement src, out int row)
    {
        row = _found.Count;
        if (!_rows.TryGetValue(src.AskAsText, out var costs))
        {
            return false;
        }

        _found.Add(new UpstreamKeys<double>(costs));
        return true;
    }

    public override bool TryGetCost(int row, int destination, EndpointPlacement dst, out double cost) => _found[row].TryGetValue(dst.AskAsText, out cost);
}

/// <summary>
/// A cost matrix from an <see cref="Upstreams.IEndpointCostMatrixUpstream"/>: <paramref name="rows"/> and
/// <paramref name="columns"/> give, for each of the plan's sources and destinations, its row or
/// column (-1 when it was not asked).
/// </summary>
internal sealed class MatrixCosts(double[,] costs, int[] rows, int[] columns) : UpstreamCosts
{
    public override bool TryFindRow(int source, EndpointPlacement src, out int row)
    {
        row = rows[source];
        return row >= 0;
    }

    public override bool TryGetCost(int row, int destination, EndpointPlacement dst, out double cost)
    {
        var column = columns[destination];
        cost = column >= 0 ? costs[row, column] : double.NaN;
        return !double.IsNaN(cost);
    }
}

/// <summary>The answers of an <see cref="EndpointCostPlan"/>'s parts: each source's row comes from the part that asked it.</summary>
internal sealed class PartCosts : UpstreamCosts
{
    private readonly IReadOnlyList<EndpointCostPart> _parts;
    private readonly int[] _srcPositions;
    private readonly int[] _dstPositions;
    private readonly int[] _partOfAsked;
    private readonly List<(int Part, int Row)> _rows = [];

    public PartCosts(IReadOnlyList<EndpointCostPart> parts, int[] srcPositions, int[] dstPositions, int askedSources)
    {
        _parts = parts;
        _srcPositions = srcPositions;
        _dstPositions = dstPositions;
        _partOfAsked = new int[askedSources];
        Array.Fill(_partOfAsked, -1);
        for (var p = 0; p < parts.Count; p++)
        {
            for (var k = 0; k < askedSources; k++)
            {
                if (_partOfAsked[k] < 0 && parts[p].Asks(k))
                {
                    _partOfAsked[k] = p;
                }
            }
        }
    }

    public override bool TryFindRow(int source, EndpointPlacement src, out int row)
    {
        row = -1;
        var asked = _srcPositions[source];
        var part = asked < 0 ? -1 : _partOfAsked[asked];
        if (part < 0 || !_parts[part].TryFindRow(asked, out var inner))
        {
            return false;
        }

        row = _rows.Count;
        _rows.Add((part, inner));
        return true;
    }

    public override bool TryGetCost(int row, int destination, EndpointPlacement dst, out double cost)
    {
        cost = double.NaN;
        var column = _dstPositions[destination];
        var (part, inner) = _rows[row];
        return column >= 0 && _parts[part].TryGetCost(inner, column, out cost);
    }
}

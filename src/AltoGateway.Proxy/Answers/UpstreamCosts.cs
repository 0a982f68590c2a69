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

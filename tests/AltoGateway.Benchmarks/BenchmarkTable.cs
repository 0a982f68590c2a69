namespace AltoGateway.Benchmarks;

/// <summary>The four-column table every benchmark prints: measure, what, our figure, target or anchor.</summary>
internal sealed class BenchmarkTable
{
    private readonly List<string[]> _rows = [["measure", "what", "figure", "target or anchor"]];

    public void Add(string measure, string what, string figure, string targetOrAnchor) => _rows.Add([measure, what, figure, targetOrAnchor]);

    public void Print()
    {
        var widths = Enumerable.Range(0, 4).Select(i => _rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in _rows)
        {
            Console.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}

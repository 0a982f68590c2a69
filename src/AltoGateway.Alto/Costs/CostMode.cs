namespace AltoGateway.Alto.Costs;

/// <summary>
/// Cost modes (RFC 7285 §10.5, §6.1.2). Kept as text: RFC 9274 made the modes a registry, so an
/// unknown mode is tolerated when read and reported as not supported, never as a parse failure.
/// </summary>
public static class CostMode
{
    /// <summary>"numerical": floating point, differences and ratios are meaningful.</summary>
    public const string Numerical = "numerical";

    /// <summary>"ordinal": non-negative integer ranks, lower is better, ties and gaps allowed.</summary>
    public const string Ordinal = "ordinal";

    /// <summary>True for a mode this implementation understands.</summary>
    public static bool IsKnown(string? mode) => mode is Numerical or Ordinal;
}

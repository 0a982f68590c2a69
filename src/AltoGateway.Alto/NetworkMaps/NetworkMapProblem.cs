namespace AltoGateway.Alto.NetworkMaps;

/// <summary>One problem of a network map: its kind, the PID, and the offending text (name or prefix).</summary>
public sealed record NetworkMapProblem(NetworkMapProblemKind Kind, string? Pid, string? Value)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind} pid={Pid} value={Value}";
}

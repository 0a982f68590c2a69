namespace AltoGateway.Alto.Client;

/// <summary>
/// One departure from RFC 7285 that the client tolerated ("consume leniently"); the
/// <see cref="Detail"/> says which URI did what, for an operator's log line.
/// </summary>
/// <param name="Kind">What was tolerated.</param>
/// <param name="Detail">Which URI did what, and what the client made of it.</param>
public sealed record AltoTolerance(AltoToleranceKind Kind, string Detail)
{
    /// <inheritdoc/>
    public override string ToString() => Kind + ": " + Detail;
}

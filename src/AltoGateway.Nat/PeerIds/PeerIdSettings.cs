namespace AltoGateway.Nat.PeerIds;

/// <summary>Rotation of peer IDs: epochs of <see cref="RotationPeriod"/> counted from <see cref="Origin"/>.</summary>
public sealed class PeerIdSettings
{
    /// <summary>The shortest rotation period accepted.</summary>
    public static readonly TimeSpan MinimumPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How long an epoch lasts; a subscriber's peer ID changes with the epoch. Default 1 day.</summary>
    public TimeSpan RotationPeriod { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How long after its epoch ends a peer ID still resolves (at most one period). Default 12 hours.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Where epoch 0 starts. Default the Unix epoch.</summary>
    public DateTimeOffset Origin { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>Every problem of these settings, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (RotationPeriod < MinimumPeriod)
        {
            problems.Add($"RotationPeriod must be at least {MinimumPeriod} (is {RotationPeriod})");
        }

        if (Grace < TimeSpan.Zero || Grace > RotationPeriod)
        {
            // Only the current and the previous epoch are kept, so grace cannot outlast one period.
            problems.Add($"Grace must lie between 0 and RotationPeriod {RotationPeriod} (is {Grace})");
        }

        return problems;
    }
}

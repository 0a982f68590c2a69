using System.Collections.Immutable;
using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Resolution;

/// <summary>
/// One line of a discovery trace: which name was asked in which round, what it answered, the NAPTRs seen, the TTL,
/// the AD bit, and whether the answer came from the cache.
/// </summary>
public sealed record DiscoveryStep
{
    /// <summary>The name and its label ("R48").</summary>
    public required DiscoveryName Name { get; init; }

    /// <summary>0 for the walk through the names, 1 and up for the retries of temporary failures that follow it.</summary>
    public required int Round { get; init; }

    /// <summary>What the name answered for the wanted service.</summary>
    public required DiscoveryStepOutcome Outcome { get; init; }

    /// <summary>The DNS outcome behind it: records, TTL, AD bit, failure reason.</summary>
    public required NaptrLookupResult Lookup { get; init; }

    /// <summary>The valid U-NAPTRs for the wanted service, best first; empty when there were none.</summary>
    public ImmutableArray<UNaptrTarget> Targets { get; init; } = [];

    /// <summary>Records for the wanted service that are not valid U-NAPTRs, and why.</summary>
    public ImmutableArray<RejectedNaptr> Rejected { get; init; } = [];

    /// <summary>True when the answer came from the cache and no query was sent.</summary>
    public bool FromCache { get; init; }

    /// <summary>How long the answer stays cached from now; null when it is not cached.</summary>
    public TimeSpan? CachedFor { get; init; }
}

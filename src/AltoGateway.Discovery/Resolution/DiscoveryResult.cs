using System.Collections.Immutable;
using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Resolution;

/// <summary>
/// What a discovery procedure found (RFC 8686 §3.1, RFC 7286 §3.2): the IRD URIs with their order and preference,
/// best first (empty when none), the trace of every name asked, whether DNSSEC vouched for the answers, and whether
/// a later retry might do better because a temporary failure remained (RFC 8686 §3.5).
/// </summary>
public sealed record DiscoveryResult
{
    /// <summary>The request this answers.</summary>
    public required DiscoveryRequest Request { get; init; }

    /// <summary>The valid U-NAPTRs of the name that answered, sorted by order then preference (RFC 3403 §4.1).</summary>
    public required ImmutableArray<UNaptrTarget> Targets { get; init; }

    /// <summary>Every name asked, in the order asked, retries included.</summary>
    public required ImmutableArray<DiscoveryStep> Steps { get; init; }

    /// <summary>
    /// True when every DNS answer in the trace carried the AD bit (RFC 4035 §3.2.3): the answering name's and the
    /// negative answers that moved the walk past more specific names. False when any lacked it or nothing answered.
    /// Only as good as the path to the resolver: trust it from a resolver on the same host or over a secured link.
    /// </summary>
    public required bool Validated { get; init; }

    /// <summary>
    /// True when a name more specific than the answer (or any name, when there is no answer) ended in a temporary
    /// failure even after the retries: asking again later might give a different server (RFC 8686 §3.5).
    /// </summary>
    public required bool RetryMightHelp { get; init; }

    /// <summary>The IRD URIs, best first.</summary>
    public IEnumerable<Uri> Uris => Targets.Select(t => t.Uri);

    /// <summary>The step that ended the procedure by carrying the service, or null.</summary>
    public DiscoveryStep? Answer => Steps.LastOrDefault(s => s.Outcome is DiscoveryStepOutcome.Found or DiscoveryStepOutcome.OnlyUnusableRecords);

    /// <summary>True when no name gave any DNS answer at all: every lookup failed (the DNS server is unreachable or broken).</summary>
    public bool NoDnsAnswer => Steps.All(s => s.Outcome == DiscoveryStepOutcome.TemporaryFailure);
}

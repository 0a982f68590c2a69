using AltoGateway.Alto.Errors;

namespace AltoGateway.Proxy.Upstreams;

/// <summary>Why an upstream gave no usable answer.</summary>
/// <param name="Kind">What happened, which decides retry and failover.</param>
/// <param name="Message">For the operator's log: what was asked of which URI and what came back.</param>
/// <param name="RetryAfter">The upstream's Retry-After, when it sent one.</param>
/// <param name="ServerError">The upstream's ALTO error, when it sent one.</param>
public sealed record UpstreamFailure(UpstreamFailureKind Kind, string Message, TimeSpan? RetryAfter = null, AltoError? ServerError = null)
{
    /// <summary>Whether asking the same upstream again at once may help.</summary>
    public bool IsRetryable => Kind is UpstreamFailureKind.Timeout or UpstreamFailureKind.Unreachable or UpstreamFailureKind.BadAnswer;

    /// <summary>Whether it says something about the upstream's health (and so counts against its circuit).</summary>
    public bool CountsAgainstUpstream => Kind is not (UpstreamFailureKind.Unsupported or UpstreamFailureKind.Refused);
}

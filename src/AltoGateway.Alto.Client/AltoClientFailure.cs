using AltoGateway.Alto.Errors;

namespace AltoGateway.Alto.Client;

/// <summary>
/// Why an ALTO call failed, with a <see cref="Message"/> fit for an operator's log line: what was
/// asked, of which URI, and what came back.
/// </summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Message">What was asked, of which URI, and what came back.</param>
public sealed record AltoClientFailure(AltoClientFailureKind Kind, string Message)
{
    /// <summary>The HTTP status of the answer, when there was one.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>
    /// The server's ALTO error (RFC 7285 §8.5) for <see cref="AltoClientFailureKind.AltoError"/>, kept
    /// as sent (unknown codes included); for <see cref="AltoClientFailureKind.InvalidRequest"/>, the
    /// error a server would have answered.
    /// </summary>
    public AltoError? ServerError { get; init; }

    /// <summary>How long the server asked to be left alone: Retry-After (delta-seconds or HTTP-date) on a 429 or 503 (RFC 7285 §8.5.3).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Kind + ": " + Message;
}

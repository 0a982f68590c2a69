namespace AltoGateway.Host.Http;

/// <summary>What <see cref="WanClientRateLimiter"/> decided for one request.</summary>
/// <param name="Outcome">Served, over the client's limit, or no room to follow another client.</param>
/// <param name="RetryAfterSeconds">For a refusal: the Retry-After value.</param>
/// <param name="RequestsPerSecond">The client's limit (for the explanation in a 429).</param>
/// <param name="Burst">The client's burst.</param>
internal readonly record struct WanRateDecision(WanRateOutcome Outcome, int RetryAfterSeconds, double RequestsPerSecond, int Burst);

internal enum WanRateOutcome
{
    Allowed,
    RateLimited,
    TooManyClients,
}

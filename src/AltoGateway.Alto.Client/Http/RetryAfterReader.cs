using System.Net.Http.Headers;

namespace AltoGateway.Alto.Client.Http;

/// <summary>
/// Retry-After (RFC 9110 §10.2.3) of an overloaded server (RFC 7285 §8.5.3: 503 with Retry-After):
/// delta-seconds as they are, an HTTP-date as the time left until it (never negative).
/// </summary>
internal static class RetryAfterReader
{
    public static TimeSpan? Read(RetryConditionHeaderValue? header, TimeProvider time)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? TimeSpan.FromTicks(Math.Max(0, (date - time.GetUtcNow()).Ticks)) : null;
    }
}

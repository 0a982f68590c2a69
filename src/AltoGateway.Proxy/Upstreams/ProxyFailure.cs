using AltoGateway.Alto.Errors;

namespace AltoGateway.Proxy.Upstreams;

/// <summary>
/// The proxy's own error answer when no upstream gave a usable one:
/// 400 (an upstream refused a field the tracker chose, or none offers the cost type / property),
/// 502 (upstreams answered, but not usefully, or could not be reached),
/// 503 + Retry-After (every upstream's circuit is open, or every upstream said it is busy),
/// 504 (every upstream asked timed out).
/// </summary>
public sealed record ProxyFailure(int Status, AltoError Error, TimeSpan? RetryAfter = null);

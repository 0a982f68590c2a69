namespace AltoGateway.Proxy.Upstreams;

/// <summary>An upstream with its circuit breaker (none for the built-in server, which cannot be unreachable).</summary>
public sealed record GuardedUpstream(IAltoUpstream Upstream, CircuitBreaker? Breaker);

namespace AltoGateway.Proxy.Upstreams;

/// <summary>The state of an upstream's circuit breaker.</summary>
public enum CircuitState
{
    /// <summary>Requests go to the upstream.</summary>
    Closed = 0,

    /// <summary>Too many failures in a row: the upstream is skipped until the break is over.</summary>
    Open,

    /// <summary>The break is over: one trial request is let through; its outcome closes or reopens the circuit.</summary>
    HalfOpen,
}

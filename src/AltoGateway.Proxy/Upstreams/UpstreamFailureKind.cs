namespace AltoGateway.Proxy.Upstreams;

/// <summary>How an upstream failed a request, which decides what the proxy does next.</summary>
public enum UpstreamFailureKind
{
    /// <summary>No answer within the upstream's timeout. Retried; counts against the circuit; 504 when it is the last word.</summary>
    Timeout = 1,

    /// <summary>Connection refused or reset, DNS or TLS failure. Retried; counts against the circuit.</summary>
    Unreachable,

    /// <summary>An answer that is no ALTO answer (a 5xx, an HTML page, unreadable JSON) or an ALTO error about what the proxy wrote. Retried; counts against the circuit.</summary>
    BadAnswer,

    /// <summary>429 or 503: the upstream asks to come back later. Not retried at once; counts against the circuit.</summary>
    Busy,

    /// <summary>The upstream offers no resource for this cost type or property. The next upstream is asked; the circuit is not touched.</summary>
    Unsupported,

    /// <summary>
    /// An ALTO error about a field the tracker chose (cost type, constraints, properties): the
    /// tracker's request is at fault, so the error goes back to it as a 400 and no other upstream is tried.
    /// </summary>
    Refused,
}

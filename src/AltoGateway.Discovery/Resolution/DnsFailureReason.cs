namespace AltoGateway.Discovery.Resolution;

/// <summary>Why a lookup failed temporarily.</summary>
public enum DnsFailureReason
{
    /// <summary>It did not fail.</summary>
    None = 0,

    /// <summary>No response within the timeout.</summary>
    Timeout,

    /// <summary>The server could not be reached.</summary>
    NetworkError,

    /// <summary>The response could not be used (unreadable, or a TCP stream broke off).</summary>
    MalformedResponse,

    /// <summary>RCODE 2, SERVFAIL: the resolver could not get an answer (or DNSSEC validation failed).</summary>
    ServerFailure,

    /// <summary>RCODE 5, REFUSED: the server will not answer this client or this name.</summary>
    Refused,

    /// <summary>Any other RCODE (FORMERR, NOTIMP, BADVERS, ...).</summary>
    OtherResponseCode,
}

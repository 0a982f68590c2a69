namespace AltoGateway.Discovery.Resolution;

/// <summary>Why a DNS exchange produced no response; every value is a temporary failure to RFC 8686 §3.5.</summary>
public enum DnsTransportFailure
{
    /// <summary>A response arrived.</summary>
    None = 0,

    /// <summary>No matching response within the timeout.</summary>
    Timeout,

    /// <summary>The server could not be reached or the connection failed (ICMP unreachable, TCP reset, ...).</summary>
    NetworkError,

    /// <summary>A response with the query's ID and question arrived but could not be read, or a TCP stream broke off mid-message.</summary>
    MalformedResponse,
}

namespace AltoGateway.Alto.Client;

/// <summary>Why an ALTO call gave no answer; a proxy maps each to its own status or error.</summary>
public enum AltoClientFailureKind
{
    /// <summary>No complete answer within <see cref="AltoClientOptions.RequestTimeout"/>.</summary>
    Timeout,

    /// <summary>The server could not be reached or the connection broke: refused, reset, DNS, TLS.</summary>
    ConnectionFailed,

    /// <summary>A non-2xx status without an ALTO error body (an HTML page, plain text, nothing).</summary>
    HttpStatus,

    /// <summary>The server answered with an ALTO error body (RFC 7285 §8.5), whatever its code.</summary>
    AltoError,

    /// <summary>A 2xx whose body is not a readable message of the expected media type, or is too large.</summary>
    MalformedResponse,

    /// <summary>The directory offers no resource for what was asked (set by the callers of the finders).</summary>
    NoSuchResource,

    /// <summary>The request itself breaks RFC 7285 (the writer refused it); nothing was sent.</summary>
    InvalidRequest,
}

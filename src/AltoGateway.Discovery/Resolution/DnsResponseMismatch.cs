namespace AltoGateway.Discovery.Resolution;

/// <summary>Why a received message is not the response to a query (RFC 5452 §9.1, RFC 1035 §7.3).</summary>
public enum DnsResponseMismatch
{
    /// <summary>It is the response.</summary>
    None = 0,

    /// <summary>It could not be read as a DNS message.</summary>
    Unreadable,

    /// <summary>The QR bit is clear: it is a query, not a response.</summary>
    NotAResponse,

    /// <summary>Its ID differs from the query's.</summary>
    WrongId,

    /// <summary>Its opcode differs from the query's.</summary>
    WrongOpcode,

    /// <summary>Its question section is not the query's question (name compared ignoring ASCII case, RFC 4343).</summary>
    WrongQuestion,
}

namespace AltoGateway.Discovery.Responder;

/// <summary>How a query came: over UDP the answer is limited in size (RFC 1035 §4.2.1, RFC 6891 §6.2.5), over TCP it is not.</summary>
public enum DnsTransport
{
    /// <summary>A datagram.</summary>
    Udp,

    /// <summary>A length-prefixed message on a stream (RFC 1035 §4.2.2, RFC 7766).</summary>
    Tcp,
}

namespace AltoGateway.Dhcp.Replies;

/// <summary>Why a well-formed message gets no answer from a responder (each is a drop reason in the metrics).</summary>
public enum DhcpIgnoreReason
{
    /// <summary>Answered (not ignored).</summary>
    None,

    /// <summary>
    /// A message this mode does not answer: in INFORM-only mode everything but DHCPINFORM (DISCOVER, REQUEST, … are
    /// the real DHCP server's beside us), a BOOTREPLY, BOOTP; in stateless DHCPv6 everything but Information-request.
    /// </summary>
    NotOurs,

    /// <summary>
    /// The client asked for none of the ALTO options and they are not sent always: an ACK without them would only
    /// race the real server's full answer to the same DHCPINFORM.
    /// </summary>
    NotAsked,

    /// <summary>An Information-request naming another server's DUID in its Server Identifier (RFC 8415 §16.12).</summary>
    OtherServer,

    /// <summary>An Information-request carrying an IA option, which it must not (RFC 8415 §16.12).</summary>
    IdentityAssociation,
}

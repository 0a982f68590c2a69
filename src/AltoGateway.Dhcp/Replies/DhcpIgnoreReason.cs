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

    /// <summary>
    /// An Information-request naming another server's DUID in its Server Identifier (RFC 8415 §16.12); in DHCPv4
    /// server mode a DHCPREQUEST, DHCPDECLINE or DHCPRELEASE naming another server in option 54 (RFC 2131 §4.3.2).
    /// </summary>
    OtherServer,

    /// <summary>An Information-request carrying an IA option, which it must not (RFC 8415 §16.12).</summary>
    IdentityAssociation,

    /// <summary>DHCPv4 server mode: no address is left to offer (RFC 2131 §4.3.1); counted as pool exhaustion.</summary>
    PoolExhausted,

    /// <summary>DHCPv4 server mode: INIT-REBOOT or REBINDING from a client the server has no record of ("MUST remain silent", RFC 2131 §4.3.2).</summary>
    NoRecordOfClient,

    /// <summary>DHCPv4 server mode: a DHCPREQUEST whose fields fit no state of RFC 2131 §4.3.2, or a DHCPDECLINE without option 50.</summary>
    MalformedRequest,

    /// <summary>DHCPv4 server mode: relayed from a subnet ('giaddr') this interface does not serve.</summary>
    OtherSubnet,

    /// <summary>DHCPv4 server mode: DHCPRELEASE and DHCPDECLINE are acted on and answered by no message (RFC 2131 §4.3.3, §4.3.4).</summary>
    NoReplyDue,

    /// <summary>DHCPv4 server mode: the interface's lease store is not open (no address in the subnet at start, journal unreadable).</summary>
    Unavailable,

    /// <summary>DHCPv4 server mode: the lease journal could not be written, so nothing is sent (the ACK only ever follows the commit).</summary>
    JournalFailed,
}

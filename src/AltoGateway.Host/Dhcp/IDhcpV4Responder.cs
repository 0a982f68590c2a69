using System.Net;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// Decides the answer to one well-formed DHCPv4 message: the mode's protocol logic, given the message, the address
/// the agent answers from and whether the message came broadcast or relayed (RFC 2131 §4.3.2 tells RENEWING from
/// REBINDING that way). INFORM-only mode: <see cref="DhcpV4InformOnly"/>; server mode: <see cref="DhcpV4ServerInterface"/>,
/// whose replies to lease changes wait for the journal.
/// </summary>
internal interface IDhcpV4Responder
{
    /// <summary>
    /// The answer to <paramref name="request"/>. When <paramref name="commitTicket"/> is not 0 the message changed the
    /// leases: its reply may go out only once <see cref="Commit"/> of that ticket (or a later one) returned true.
    /// </summary>
    DhcpV4Response Respond(DhcpV4Message request, IPAddress serverAddress, bool receivedByBroadcast, out long commitTicket);

    /// <summary>
    /// Puts every change up to <paramref name="commitTicket"/> on disk (one fsync); false when the journal cannot be
    /// written, which the responder has logged: then the <paramref name="waitingReplies"/> replies are not sent.
    /// </summary>
    bool Commit(long commitTicket, int waitingReplies);
}

using System.Net;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Host.Dhcp;

/// <summary>INFORM-only mode on one interface: <see cref="DhcpV4InformResponder"/> with the peer IDs of the moment; it never changes a lease.</summary>
internal sealed class DhcpV4InformOnly(DhcpV4InformResponder responder, Func<Func<IPAddress, string?>?> peerIds) : IDhcpV4Responder
{
    public DhcpV4Response Respond(DhcpV4Message request, IPAddress serverAddress, bool receivedByBroadcast, out long commitTicket)
    {
        commitTicket = 0;
        return responder.Respond(request, serverAddress, peerIds());
    }

    public bool Commit(long commitTicket, int waitingReplies) => true;
}

using System.Net;
using System.Net.Sockets;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.V6;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Http;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// DHCPv6 on one interface: [::]:547 bound to the device and joined to ff02::1:2 there (RFC 8415 §7.1). Nothing is
/// answered on a WAN interface; an Information-request is answered by <see cref="DhcpV6StatelessResponder"/>,
/// the Reply going to the client's (link-local) source address at port 546 (RFC 8415 §7.2).
/// </summary>
internal sealed class DhcpV6Listener(
    DhcpInterfaceOptions options, DhcpV6StatelessResponder responder, Func<Func<IPAddress, string?>?> peerIds,
    DhcpHealth health, DhcpMetrics metrics, WanClientRateLimiter rateLimiter, TimeProvider time, ILogger logger)
    : DhcpInterfaceListener(options, health, metrics, rateLimiter, time, logger)
{
    private const string V6 = "v6";

    protected override string Version => V6;

    protected override Socket Open(DhcpInterfaceAddresses.Snapshot nic) => DhcpSockets.OpenV6(Options.Name, nic.Index);

    protected override void Handle(Socket socket, ReadOnlyMemory<byte> datagram, IPEndPoint remote, DhcpArrival arrival)
    {
        if (Options.Role == DhcpInterfaceRole.Wan)
        {
            NotAnswered("?", remote, DhcpMetrics.WanInterface);
            return;
        }

        if (!DhcpV6Reader.TryRead(datagram.Span, out var request, out var failure))
        {
            DropMalformed(DhcpMetrics.ReasonName(failure.Error), remote, datagram.Length, failure.ToString());
            return;
        }

        var type = DhcpMetrics.TypeName(request.MessageType);
        Metrics.Received(V6, type);
        var source = remote.Address;
        if (source.IsIPv6LinkLocal && source.ScopeId == 0)
        {
            source = new IPAddress(source.GetAddressBytes(), InterfaceIndex); // a link-local address is only usable with its link
        }

        if (!Admit(DhcpClientKey.ForV6(request, source)))
        {
            return;
        }

        var response = responder.Respond(request, source, peerIds());
        if (response.Reply is not { } answer)
        {
            NotAnswered(type, remote, DhcpMetrics.ReasonName(response.Ignored));
            return;
        }

        var length = DhcpV6Writer.GetLength(answer);
        if (length > ReplyBuffer.Length)
        {
            NotAnswered(type, remote, DhcpMetrics.TooLarge);
            return;
        }

        _ = DhcpV6Writer.TryWrite(answer, ReplyBuffer, out var written);
        Send(socket, ReplyBuffer.AsSpan(0, written), new IPEndPoint(source, DhcpV6Response.ClientPort), DhcpMetrics.TypeName(answer.MessageType));
    }
}

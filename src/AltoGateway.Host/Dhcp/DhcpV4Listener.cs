using System.Buffers;
using System.Net;
using System.Net.Sockets;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.V4;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Http;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// Decides the answer to one well-formed DHCPv4 message: the mode's protocol logic, given the message, the address
/// the agent answers from and whether the message came broadcast or relayed (RFC 2131 §4.3.2 tells RENEWING from
/// REBINDING that way). INFORM-only mode: <see cref="DhcpV4InformResponder"/>; server mode: a
/// <see cref="AltoGateway.Dhcp.ServerMode.DhcpV4Server"/>, whose ACK is returned only once the lease is on disk.
/// </summary>
internal delegate ValueTask<DhcpV4Response> DhcpV4Handler(DhcpV4Message request, IPAddress serverAddress, bool receivedByBroadcast, CancellationToken cancellationToken);

/// <summary>
/// DHCPv4 on one interface: 0.0.0.0:67 bound to the device. Nothing is answered on a WAN interface; a message
/// is read, counted by type, held to the client's rate limit, and handed to the mode's
/// <see cref="DhcpV4Handler"/>; the reply goes where RFC 2131 §4.1 says (<see cref="DhcpV4ReplyDestination"/>),
/// a broadcast leaving by this interface. In relay mode a <see cref="Relay.DhcpV4RelayCircuit"/> takes the message
/// instead of the handler.
/// </summary>
internal sealed class DhcpV4Listener(
    DhcpInterfaceOptions options, DhcpV4Handler handler, DhcpHealth health, DhcpMetrics metrics, WanClientRateLimiter rateLimiter, TimeProvider time, ILogger logger,
    Relay.DhcpV4RelayCircuit? relay = null)
    : DhcpInterfaceListener(options, health, metrics, rateLimiter, time, logger)
{
    private const string V4 = "v4";
    private readonly DhcpInterfaceAddresses _addresses = new(options.Name, time);
    private readonly RefusalLogGate _noAddressLog = new(time);

    protected override string Version => V4;

    protected override EndPoint AnyEndPoint { get; } = new IPEndPoint(IPAddress.Any, 0);

    protected override Socket Open(DhcpInterfaceAddresses.Snapshot nic) => DhcpSockets.OpenV4(Options.Name);

    protected override async ValueTask HandleAsync(
        Socket socket, ReadOnlyMemory<byte> datagram, IPEndPoint remote, IPPacketInformation arrival, Memory<byte> reply, CancellationToken stoppingToken)
    {
        if (Options.Role == DhcpInterfaceRole.Wan)
        {
            NotAnswered("?", remote, DhcpMetrics.WanInterface);
            return;
        }

        if (arrival.Interface != 0 && InterfaceIndex != 0 && arrival.Interface != InterfaceIndex)
        {
            NotAnswered("?", remote, DhcpMetrics.WrongInterface);
            return;
        }

        if (!DhcpV4Reader.TryRead(datagram.Span, out var request, out var failure))
        {
            DropMalformed(DhcpMetrics.ReasonName(failure.Error), remote, datagram.Length, failure.ToString());
            return;
        }

        var type = DhcpMetrics.TypeName(request.MessageType);
        Metrics.Received(V4, type);
        if (!Admit(DhcpClientKey.ForV4(request)))
        {
            return;
        }

        var serverAddress = _addresses.Current()?.ServerAddressFor(request.ClientAddress, arrival.Address ?? IPAddress.Any);
        if (serverAddress is null)
        {
            Metrics.Dropped(DhcpMetrics.NoServerAddress);
            if (_noAddressLog.TryEnter(out var heldBack))
            {
                DhcpLog.NoServerAddress(Logger, Options.Name, heldBack);
            }

            return;
        }

        if (relay is not null)
        {
            // Relay mode: requests go to the servers and replies to the client; nothing is answered here.
            await relay.HandleAsync(socket, request, serverAddress, remote, stoppingToken).ConfigureAwait(false);
            return;
        }

        // Relayed messages were broadcast by their client (a relay forwards only broadcasts); else the destination says.
        var broadcast = !request.GatewayAddress.Equals(IPAddress.Any) || arrival.Address is not { } to || !to.Equals(serverAddress);
        var response = await handler(request, serverAddress, broadcast, stoppingToken).ConfigureAwait(false);
        if (response.Reply is not { } answer)
        {
            NotAnswered(type, remote, DhcpMetrics.ReasonName(response.Ignored));
            return;
        }

        var limit = Math.Min(DhcpV4Writer.MaximumReplyLength(request), reply.Length);
        if (DhcpV4Writer.TryWrite(answer, reply.Span[..limit], out var written) != OperationStatus.Done)
        {
            NotAnswered(type, remote, DhcpMetrics.TooLarge);
            return;
        }

        if (await SendAsync(socket, reply[..written], response.Destination.Endpoint, stoppingToken).ConfigureAwait(false))
        {
            var replyType = DhcpMetrics.TypeName(answer.MessageType);
            Metrics.Replied(V4, replyType);
            DhcpLog.Replied(Logger, V4, replyType, response.Destination.ToString(), Options.Name);
        }
    }
}

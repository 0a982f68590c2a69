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
/// DHCPv4 on one interface: 0.0.0.0:67 bound to the device. Nothing is answered on a WAN interface; a message
/// is read, counted by type, held to the client's rate limit, and handed to the mode's
/// <see cref="IDhcpV4Responder"/>; the reply goes where RFC 2131 §4.1 says (<see cref="DhcpV4ReplyDestination"/>),
/// a broadcast leaving by this interface. A reply that waits for the lease journal is kept, encoded, for up to
/// <see cref="CommitDelay"/> (or until <see cref="MaxWaitingReplies"/> wait): then one commit covers them all and
/// they are sent. In relay mode a <see cref="Relay.DhcpV4RelayCircuit"/> takes every message instead.
/// </summary>
internal sealed class DhcpV4Listener : DhcpInterfaceListener
{
    /// <summary>Replies kept for one commit at most.</summary>
    public const int MaxWaitingReplies = 256;

    /// <summary>
    /// How long the first reply waiting for a commit waits for others to share it: so at most 200 fsyncs per second
    /// however busy the interface (on a virtual disk an fsync costs the CPU more than the dozens of messages it
    /// covers). Clients wait seconds before they retransmit (RFC 2131 §4.1); a few milliseconds are nothing to them.
    /// </summary>
    public static readonly TimeSpan CommitDelay = TimeSpan.FromMilliseconds(5);

    private const string V4 = "v4";
    private readonly IDhcpV4Responder? _responder;
    private readonly Relay.DhcpV4RelayCircuit? _relay;
    private readonly DhcpInterfaceAddresses _addresses;
    private readonly RefusalLogGate _noAddressLog;
    private readonly List<WaitingReply> _waiting = [];
    private long _waitingTicket;
    private long _firstWaitingSince;

    /// <summary>Answers with <paramref name="responder"/>: server or INFORM-only mode.</summary>
    public DhcpV4Listener(
        DhcpInterfaceOptions options, IDhcpV4Responder responder, DhcpHealth health, DhcpMetrics metrics, WanClientRateLimiter rateLimiter, TimeProvider time, ILogger logger)
        : this(options, health, metrics, rateLimiter, time, logger) => _responder = responder;

    /// <summary>Relays by <paramref name="relay"/>: relay mode.</summary>
    public DhcpV4Listener(
        DhcpInterfaceOptions options, Relay.DhcpV4RelayCircuit relay, DhcpHealth health, DhcpMetrics metrics, WanClientRateLimiter rateLimiter, TimeProvider time, ILogger logger)
        : this(options, health, metrics, rateLimiter, time, logger) => _relay = relay;

    private DhcpV4Listener(DhcpInterfaceOptions options, DhcpHealth health, DhcpMetrics metrics, WanClientRateLimiter rateLimiter, TimeProvider time, ILogger logger)
        : base(options, health, metrics, rateLimiter, time, logger)
    {
        _addresses = new(options.Name, time);
        _noAddressLog = new(time);
    }

    protected override string Version => V4;

    protected override Socket Open(DhcpInterfaceAddresses.Snapshot nic) => DhcpSockets.OpenV4(Options.Name);

    protected override bool HasDeferred => _waitingTicket != 0;

    protected override TimeSpan DeferredWaitLeft =>
        _waiting.Count >= MaxWaitingReplies ? TimeSpan.Zero : CommitDelay - Time.GetElapsedTime(_firstWaitingSince);

    protected override void Handle(Socket socket, ReadOnlyMemory<byte> datagram, IPEndPoint remote, DhcpArrival arrival)
    {
        if (Options.Role == DhcpInterfaceRole.Wan)
        {
            NotAnswered("?", remote, DhcpMetrics.WanInterface);
            return;
        }

        if (arrival.InterfaceIndex != 0 && InterfaceIndex != 0 && arrival.InterfaceIndex != InterfaceIndex)
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

        if (_relay is not null)
        {
            // Relay mode: requests go to the servers and replies to the client; nothing is answered here.
            _relay.Handle(socket, request, serverAddress, remote);
            return;
        }

        // Relayed messages were broadcast by their client (a relay forwards only broadcasts); else the destination says.
        var broadcast = !request.GatewayAddress.Equals(IPAddress.Any) || arrival.Address is not { } to || !to.Equals(serverAddress);
        var response = _responder!.Respond(request, serverAddress, broadcast, out var commitTicket);
        if (commitTicket != 0)
        {
            if (_waitingTicket == 0)
            {
                _firstWaitingSince = Time.GetTimestamp();
            }

            _waitingTicket = commitTicket;
        }

        if (response.Reply is not { } answer)
        {
            NotAnswered(type, remote, DhcpMetrics.ReasonName(response.Ignored));
            return;
        }

        var limit = Math.Min(DhcpV4Writer.MaximumReplyLength(request), ReplyBuffer.Length);
        if (!TryEncode(request, answer, ReplyBuffer.AsSpan(0, limit), remote, out var length))
        {
            return;
        }

        if (commitTicket == 0)
        {
            Send(socket, ReplyBuffer.AsSpan(0, length), response.Destination.Endpoint, DhcpMetrics.TypeName(answer.MessageType));
            return;
        }

        // Kept until the commit: a copy of its own, as long as the reply.
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        ReplyBuffer.AsSpan(0, length).CopyTo(buffer);

        _waiting.Add(new WaitingReply(buffer, length, response.Destination, DhcpMetrics.TypeName(answer.MessageType)));
    }

    /// <summary>
    /// Encodes the reply within the client's limit, leaving options out when it must (<see cref="DhcpV4ReplyFit"/>,
    /// counted in <c>altogw_dhcp_options_left_out_total</c>); false (dropped as <c>too-large</c>) when even the essential ones do not fit.
    /// </summary>
    private bool TryEncode(DhcpV4Message request, DhcpV4Message answer, Span<byte> destination, IPEndPoint remote, out int written)
    {
        if (DhcpV4ReplyFit.TryWrite(request, answer, destination, out written, out var leftOut) != OperationStatus.Done)
        {
            NotAnswered(DhcpMetrics.TypeName(request.MessageType), remote, DhcpMetrics.TooLarge);
            return false;
        }

        if (leftOut > 0)
        {
            Metrics.OptionsLeftOut(leftOut);
            if (Logger.IsEnabled(LogLevel.Debug))
            {
                DhcpLog.OptionsLeftOut(Logger, DhcpMetrics.TypeName(answer.MessageType), remote.ToString(), Options.Name, leftOut, destination.Length);
            }
        }

        return true;
    }

    /// <summary>One commit for every reply waiting, then the replies; none of them when the journal failed.</summary>
    protected override void SendDeferred(Socket socket)
    {
        var committed = _responder!.Commit(_waitingTicket, _waiting.Count);
        _waitingTicket = 0;
        foreach (var waiting in _waiting)
        {
            if (committed)
            {
                Send(socket, waiting.Buffer.AsSpan(0, waiting.Length), waiting.Destination.Endpoint, waiting.ReplyType);
            }
            else
            {
                Metrics.Dropped(DhcpMetrics.JournalFailed);
            }

            ArrayPool<byte>.Shared.Return(waiting.Buffer);
        }

        _waiting.Clear();
    }

    /// <summary>An encoded reply waiting for the commit of its lease change.</summary>
    private readonly record struct WaitingReply(byte[] Buffer, int Length, DhcpV4Destination Destination, string ReplyType);
}

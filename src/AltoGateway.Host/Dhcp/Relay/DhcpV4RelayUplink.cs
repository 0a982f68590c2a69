using System.Net;
using System.Net.Sockets;
using AltoGateway.Dhcp.V4;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Dhcp.Relay;

/// <summary>
/// The relay's socket toward the servers: UDP 0.0.0.0:67 bound to no device (<see cref="DhcpSockets.OpenV4RelayUplink"/>).
/// Relayed requests leave by it, routed to each server by the kernel (from the server-facing interface's address,
/// port 67). Servers answer to 'giaddr':67 (RFC 2131 §4.1), the client interface's address, but the datagram
/// arrives on the server-facing interface, which the client interface's socket, bound to its own device
/// (SO_BINDTODEVICE), never sees; this socket does. The kernel gives a unicast datagram to the socket bound to the
/// interface it arrived on before an unbound one, so the per-interface sockets keep what arrives on their
/// interfaces; broadcasts reach every socket, and the uplink ignores every BOOTREQUEST (they are the client
/// interfaces'). A BOOTREPLY goes to the circuit whose interface has its 'giaddr'.
/// </summary>
internal sealed class DhcpV4RelayUplink(DhcpHealth health, DhcpMetrics metrics, TimeProvider time, ILogger logger) : DhcpSocketLoop(time)
{
    public const string SocketName = "DHCPv4 relay uplink";
    private static readonly string NotForAnyCircuit = DhcpMetrics.ReasonName(AltoGateway.Dhcp.Relay.DhcpV4RelayDropReason.NotOurGatewayAddress);
    private readonly List<DhcpV4RelayCircuit> _circuits = [];
    private volatile Socket? _socket;

    /// <summary>Adds a client interface; all are added before <see cref="DhcpSocketLoop.RunAsync"/>.</summary>
    public void Add(DhcpV4RelayCircuit circuit) => _circuits.Add(circuit);

    /// <summary>Sends a relayed request; false (counted, logged) when the socket is not open or the send failed.</summary>
    public bool Send(ReadOnlySpan<byte> datagram, IPEndPoint server)
    {
        try
        {
            if (_socket is not { } socket)
            {
                throw new SocketException((int)SocketError.NotConnected);
            }

            socket.SendTo(datagram, SocketFlags.None, server);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            metrics.Dropped(DhcpMetrics.SendFailed);
            DhcpRelayLog.UplinkSocketError(logger, $"sending to {server}: {ex.Message}");
            return false;
        }
    }

    protected override string ThreadName => "dhcp4 uplink";

    protected override Socket Open() => DhcpSockets.OpenV4RelayUplink();

    protected override void CannotOpen(string reason, TimeSpan retryIn)
    {
        _socket = null;
        health.Failed(SocketName, reason);
        DhcpRelayLog.UplinkCannotListen(logger, reason, retryIn);
    }

    protected override void Opened(Socket socket)
    {
        _socket = socket;
        health.Bound(SocketName);
        DhcpRelayLog.UplinkListening(logger, socket.LocalEndPoint?.ToString() ?? "?");
    }

    protected override bool ReceiveFailed(SocketException exception)
    {
        DhcpRelayLog.UplinkSocketError(logger, exception.Message); // an ICMP error for an earlier send
        return true;
    }

    protected override void ServeFailed(Exception exception, TimeSpan retryIn)
    {
        _socket = null;
        health.Failed(SocketName, $"the socket's thread failed: {exception.Message}");
        DhcpRelayLog.UplinkCannotListen(logger, exception.ToString(), retryIn);
    }

    protected override void HandleFailed(IPEndPoint remote, Exception exception) => DhcpRelayLog.ReplyFailed(logger, remote.ToString(), exception.ToString());

    protected override void TooLong(IPEndPoint remote) => metrics.Dropped(DhcpMetrics.DatagramTooLong);

    protected override void Handle(Socket socket, ReadOnlyMemory<byte> datagram, IPEndPoint remote, DhcpArrival arrival)
    {
        // Only BOOTREPLYs are this socket's: requests (broadcasts of the client interfaces) are read there.
        if (datagram.Length == 0 || datagram.Span[0] != (byte)DhcpV4Operation.BootReply)
        {
            return;
        }

        if (!DhcpV4Reader.TryRead(datagram.Span, out var message, out var failure))
        {
            metrics.Dropped(DhcpMetrics.ReasonName(failure.Error));
            return;
        }

        metrics.Received("v4", DhcpMetrics.TypeName(message.MessageType));
        var circuit = _circuits.FirstOrDefault(c => c.Owns(message.GatewayAddress));
        if (circuit is null)
        {
            metrics.Dropped(NotForAnyCircuit);
            DhcpRelayLog.NotRelayed(logger, DhcpMetrics.TypeName(message.MessageType), remote.ToString(), NotForAnyCircuit, string.Empty);
            return;
        }

        circuit.Deliver(message, remote);
    }
}

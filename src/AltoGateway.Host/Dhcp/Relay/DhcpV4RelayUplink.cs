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
internal sealed class DhcpV4RelayUplink(DhcpHealth health, DhcpMetrics metrics, TimeProvider time, ILogger logger)
{
    public const string SocketName = "DHCPv4 relay uplink";
    private static readonly string NotForAnyCircuit = DhcpMetrics.ReasonName(AltoGateway.Dhcp.Relay.DhcpV4RelayDropReason.NotOurGatewayAddress);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(60);
    private readonly List<DhcpV4RelayCircuit> _circuits = [];
    private volatile Socket? _socket;

    /// <summary>Adds a client interface; all are added before <see cref="RunAsync"/>.</summary>
    public void Add(DhcpV4RelayCircuit circuit) => _circuits.Add(circuit);

    /// <summary>Sends a relayed request; false (counted, logged) when the socket is not open or the send failed.</summary>
    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> datagram, IPEndPoint server, CancellationToken stoppingToken)
    {
        try
        {
            if (_socket is not { } socket)
            {
                throw new SocketException((int)SocketError.NotConnected);
            }

            await socket.SendToAsync(datagram, SocketFlags.None, server, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            metrics.Dropped(DhcpMetrics.SendFailed);
            DhcpRelayLog.UplinkSocketError(logger, $"sending to {server}: {ex.Message}");
            return false;
        }
    }

    /// <summary>Opens the socket (again, 1 s doubling to 60 s, while it cannot be) and reads replies until the agent stops.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = DhcpSockets.OpenV4RelayUplink();
            }
            catch (DhcpSocketException ex)
            {
                health.Failed(SocketName, ex.Message);
                DhcpRelayLog.UplinkCannotListen(logger, ex.Message, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetry.Ticks));
                continue;
            }

            using (socket)
            {
                _socket = socket;
                health.Bound(SocketName);
                DhcpRelayLog.UplinkListening(logger, socket.LocalEndPoint?.ToString() ?? "?");
                await ReceiveAsync(socket, stoppingToken).ConfigureAwait(false);
                _socket = null;
            }
        }
    }

    private async Task ReceiveAsync(Socket socket, CancellationToken stoppingToken)
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!stoppingToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException ex)
            {
                DhcpRelayLog.UplinkSocketError(logger, ex.Message); // an ICMP error for an earlier send
                continue;
            }

            var remote = (IPEndPoint)received.RemoteEndPoint;
            try
            {
                await HandleAsync(buffer.AsMemory(0, received.ReceivedBytes), remote, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
#pragma warning disable CA1031 // A bug in relaying one reply must not stop the uplink; it is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                DhcpRelayLog.ReplyFailed(logger, remote.ToString(), ex.ToString());
            }
        }
    }

    private async ValueTask HandleAsync(ReadOnlyMemory<byte> datagram, IPEndPoint remote, CancellationToken stoppingToken)
    {
        // Only BOOTREPLYs are this socket's: requests (broadcasts of the client interfaces) are read there.
        if (datagram.Length == 0 || datagram.Span[0] != (byte)DhcpV4Operation.BootReply)
        {
            return;
        }

        if (!DhcpV4Reader.TryRead(datagram.Span, out var reply, out var failure))
        {
            metrics.Dropped(DhcpMetrics.ReasonName(failure.Error));
            return;
        }

        metrics.Received("v4", DhcpMetrics.TypeName(reply.MessageType));
        var circuit = _circuits.FirstOrDefault(c => c.Owns(reply.GatewayAddress));
        if (circuit is null)
        {
            metrics.Dropped(NotForAnyCircuit);
            DhcpRelayLog.NotRelayed(logger, DhcpMetrics.TypeName(reply.MessageType), remote.ToString(), NotForAnyCircuit, string.Empty);
            return;
        }

        await circuit.DeliverAsync(reply, remote, stoppingToken).ConfigureAwait(false);
    }
}

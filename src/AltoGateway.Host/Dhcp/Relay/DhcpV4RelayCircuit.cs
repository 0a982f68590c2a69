using System.Buffers;
using System.Net;
using System.Net.Sockets;
using AltoGateway.Dhcp.Relay;
using AltoGateway.Dhcp.V4;
using AltoGateway.Host.Http;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Dhcp.Relay;

/// <summary>
/// The relay on one client interface: the host side of <see cref="DhcpV4Relay"/>. Client requests come from the
/// interface's own socket (<see cref="DhcpV4Listener"/>, bound to the device) and leave for the servers by the
/// <see cref="DhcpV4RelayUplink"/>; server replies come back by the uplink (or by the interface's socket, when a
/// server is on the client side) and go to the client by the interface's socket, so a broadcast leaves by it.
/// </summary>
internal sealed class DhcpV4RelayCircuit(
    string interfaceName, DhcpV4Relay relay, DhcpV4RelayUplink uplink, Func<Func<IPAddress, string?>?> peerIds, DhcpMetrics metrics, TimeProvider time, ILogger logger)
{
    // RFC 3046 §2.1: the relay does not exceed the MTU; 1500 less the IP and UDP headers.
    private const int MaximumRelayedRequestLength = 1472;
    private const string NoClientSocket = "relay-no-client-socket";
    private readonly DhcpInterfaceAddresses _addresses = new(interfaceName, time);
    private readonly RefusalLogGate _dropLog = new(time);
    private volatile Socket? _clientSocket;

    public string InterfaceName => interfaceName;

    /// <summary>Whether <paramref name="gatewayAddress"/> is an address of this interface (a reply to this circuit's relaying).</summary>
    public bool Owns(IPAddress gatewayAddress) => _addresses.Current()?.Ipv4.Any(a => a.Address.Equals(gatewayAddress)) == true;

    /// <summary>
    /// A message read on the client interface's <paramref name="socket"/>: a client's request goes to the servers,
    /// a server's reply (a server on this side) to the client. <paramref name="interfaceAddress"/> is the address
    /// the listener answers from, which becomes 'giaddr'.
    /// </summary>
    public void Handle(Socket socket, DhcpV4Message message, IPAddress interfaceAddress, IPEndPoint remote)
    {
        _clientSocket = socket;
        if (message.Operation == DhcpV4Operation.BootReply)
        {
            Deliver(message, remote);
            return;
        }

        var type = DhcpMetrics.TypeName(message.MessageType);
        var forward = relay.ForwardRequest(message, interfaceAddress);
        if (forward.Message is not { } forwarded)
        {
            Drop(type, remote, forward.Dropped);
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaximumRelayedRequestLength);
        try
        {
            if (DhcpV4Writer.TryWrite(forwarded, buffer.AsSpan(0, MaximumRelayedRequestLength), out var written) != OperationStatus.Done)
            {
                metrics.Dropped(DhcpMetrics.TooLarge);
                return;
            }

            foreach (var server in forward.Servers)
            {
                if (uplink.Send(buffer.AsSpan(0, written), server))
                {
                    metrics.Relayed(DhcpMetrics.ToServer, type);
                    DhcpRelayLog.RequestRelayed(logger, type, remote.ToString(), interfaceName, server.ToString(), forwarded.GatewayAddress.ToString(), forwarded.Hops);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A server's BOOTREPLY from <paramref name="source"/> whose 'giaddr' is this interface's: to the client.</summary>
    public void Deliver(DhcpV4Message reply, IPEndPoint source)
    {
        var type = DhcpMetrics.TypeName(reply.MessageType);
        var addresses = _addresses.Current()?.Ipv4.Select(a => a.Address).ToArray() ?? [];
        var back = relay.ReturnReply(reply, source.Address, addresses, peerIds());
        if (back.Message is not { } message)
        {
            Drop(type, source, back.Dropped);
            return;
        }

        if (_clientSocket is not { } socket)
        {
            metrics.Dropped(NoClientSocket); // no request was relayed since the agent started: not a reply to us
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(back.MaximumLength);
        try
        {
            if (DhcpV4Writer.TryWrite(message, buffer.AsSpan(0, back.MaximumLength), out var written) != OperationStatus.Done)
            {
                metrics.Dropped(DhcpMetrics.TooLarge);
                return;
            }

            socket.SendTo(buffer.AsSpan(0, written), SocketFlags.None, back.Destination.Endpoint);
            metrics.Relayed(DhcpMetrics.ToClient, type);
            DhcpRelayLog.ReplyRelayed(logger, type, source.ToString(), back.Destination.ToString(), interfaceName);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            metrics.Dropped(DhcpMetrics.SendFailed);
            DhcpRelayLog.ReplyFailed(logger, source.ToString(), $"sending to {back.Destination} on {interfaceName}: {ex.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Drop(string type, IPEndPoint remote, DhcpV4RelayDropReason reason)
    {
        var name = DhcpMetrics.ReasonName(reason);
        metrics.Dropped(name);
        if (_dropLog.TryEnter(out var heldBack))
        {
            DhcpRelayLog.NotRelayed(logger, type, remote.ToString(), name, heldBack);
        }
    }
}

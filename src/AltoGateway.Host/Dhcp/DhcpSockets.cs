using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// Opens the per-interface DHCP sockets. Each is bound to its device (SO_BINDTODEVICE), so several of them, one
/// per interface, share port 67 or 547 (SO_REUSEADDR), each receives only what arrives on its interface, and a
/// broadcast sent on it leaves by that interface. Failures are <see cref="DhcpSocketException"/>s whose message
/// is the reason for the health component.
/// </summary>
internal static class DhcpSockets
{
    /// <summary>The DHCPv4 server port (RFC 2131 §4.1).</summary>
    public const int V4ServerPort = 67;

    /// <summary>The DHCPv6 server port (RFC 8415 §7.2).</summary>
    public const int V6ServerPort = 547;

    /// <summary>All_DHCP_Relay_Agents_and_Servers (RFC 8415 §7.1).</summary>
    public static readonly IPAddress AllRelayAgentsAndServers = IPAddress.Parse("ff02::1:2");

    // <sys/socket.h> on Linux: SOL_SOCKET, SO_BINDTODEVICE (socket(7)).
    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;

    /// <summary>A UDP socket on 0.0.0.0:67 of <paramref name="interfaceName"/>, broadcasting, with IP_PKTINFO.</summary>
    public static Socket OpenV4(string interfaceName)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            Prepare(socket, interfaceName);
            Step(() => socket.EnableBroadcast = true, "SO_BROADCAST");
            Step(() => socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true), "IP_PKTINFO");
            Bind(socket, new IPEndPoint(IPAddress.Any, V4ServerPort));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The DHCPv4 relay's uplink (Relay/DhcpV4RelayUplink): UDP 0.0.0.0:67 bound to no device, so that the servers'
    /// replies to 'giaddr':67 are read whichever interface they arrive on. For a unicast the kernel prefers the socket
    /// bound to the arrival interface (udp compute_score), so the per-interface sockets keep their own traffic.
    /// </summary>
    public static Socket OpenV4RelayUplink()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            Step(() => socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true), "SO_REUSEADDR");
            Bind(socket, new IPEndPoint(IPAddress.Any, V4ServerPort));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A UDP socket on [::]:547 of <paramref name="interfaceName"/>, joined to ff02::1:2 there, with IPV6_PKTINFO.</summary>
    public static Socket OpenV6(string interfaceName, int interfaceIndex)
    {
        var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.DualMode = false; // IPV6_V6ONLY: DHCPv4 has its own socket
            Prepare(socket, interfaceName);
            Step(() => socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.PacketInformation, true), "IPV6_RECVPKTINFO");
            Bind(socket, new IPEndPoint(IPAddress.IPv6Any, V6ServerPort));
            Step(() => socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(AllRelayAgentsAndServers, interfaceIndex)),
                $"IPV6_JOIN_GROUP {AllRelayAgentsAndServers}");
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The receive buffer asked for: room for a burst while the socket's thread commits or sleeps (DhcpSocketLoop's
    /// moderation). The kernel caps it at net.core.rmem_max, which is fine too.
    /// </summary>
    private const int ReceiveBufferBytes = 1 << 20;

    private static void Prepare(Socket socket, string interfaceName)
    {
        Step(() => socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true), "SO_REUSEADDR");
        Step(() => socket.ReceiveBufferSize = ReceiveBufferBytes, "SO_RCVBUF");

        // The name, NUL-terminated (socket(7)). Kernels before 5.7 allow it only with CAP_NET_RAW.
        var name = Encoding.ASCII.GetBytes(interfaceName + "\0");
        try
        {
            socket.SetRawSocketOption(SolSocket, SoBindToDevice, name);
        }
        catch (SocketException ex)
        {
            var hint = ex.SocketErrorCode == SocketError.AccessDenied ? " (needs CAP_NET_RAW)" : string.Empty;
            throw new DhcpSocketException($"SO_BINDTODEVICE {interfaceName} failed: {ex.Message}{hint}", ex);
        }
    }

    private static void Bind(Socket socket, IPEndPoint endpoint)
    {
        try
        {
            socket.Bind(endpoint);
        }
        catch (SocketException ex)
        {
            var hint = ex.SocketErrorCode == SocketError.AccessDenied ? " (needs CAP_NET_BIND_SERVICE)"
                : ex.SocketErrorCode == SocketError.AddressAlreadyInUse ? " (another DHCP server holds it without SO_REUSEADDR)"
                : string.Empty;
            throw new DhcpSocketException($"cannot bind {endpoint}: {ex.Message}{hint}", ex);
        }
    }

    private static void Step(Action action, string what)
    {
        try
        {
            action();
        }
        catch (SocketException ex)
        {
            throw new DhcpSocketException($"{what} failed: {ex.Message}", ex);
        }
    }
}

/// <summary>A DHCP socket could not be opened; the message says why, for the log and the health component.</summary>
internal sealed class DhcpSocketException(string message, Exception inner) : Exception(message, inner);

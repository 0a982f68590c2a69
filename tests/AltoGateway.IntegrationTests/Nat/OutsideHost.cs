using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AltoGateway.IntegrationTests.Nat;

/// <summary>
/// The host outside the NAT: a TCP listener on port 7000 and a UDP socket on port 7001 in the
/// <c>out</c> namespace, each recording the source address and port it sees (the public side of
/// the mapping) under the first line of text the peer sent.
/// </summary>
internal sealed class OutsideHost : IAsyncDisposable
{
    public const int TcpPort = 7000;
    public const int UdpPort = 7001;

    private readonly Socket _tcp;
    private readonly Socket _udp;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Socket> _accepted = [];
    private readonly Task _accepting;
    private readonly Task _receiving;

    private OutsideHost(Socket tcp, Socket udp)
    {
        _tcp = tcp;
        _udp = udp;
        _accepting = AcceptAsync();
        _receiving = ReceiveAsync();
    }

    /// <summary>What each peer's text was seen coming from.</summary>
    public ConcurrentDictionary<string, IPEndPoint> Seen { get; } = new(StringComparer.Ordinal);

    public static async Task<OutsideHost> StartAsync(NatTopology topology)
    {
        var (tcp, udp) = await NetworkNamespaceThread.RunAsync(topology.OutsideHost, () =>
        {
            var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Parse(NatTopology.Outside), TcpPort));
            tcp.Listen(64);
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Parse(NatTopology.Outside), UdpPort));
            return (tcp, udp);
        });
        return new OutsideHost(tcp, udp);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _tcp.Dispose();
        _udp.Dispose();
        foreach (var socket in _accepted)
        {
            socket.Dispose();
        }

        await Task.WhenAll(_accepting, _receiving);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var connection = await _tcp.AcceptAsync(_stop.Token);
                _accepted.Add(connection);
                var buffer = new byte[256];
                var length = await connection.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                var text = Encoding.ASCII.GetString(buffer, 0, length).Split('\n')[0];
                Seen[text] = (IPEndPoint)connection.RemoteEndPoint!;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[256];
        try
        {
            while (true)
            {
                var result = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
                var text = Encoding.ASCII.GetString(buffer, 0, result.ReceivedBytes);
                if (text.StartsWith("udp ", StringComparison.Ordinal))
                {
                    Seen[text] = (IPEndPoint)result.RemoteEndPoint;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }
}

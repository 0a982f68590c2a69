using System.Net;
using System.Net.Sockets;

namespace AltoGateway.EmulatedHardware.Tests;

/// <summary>
/// A TCP relay on a fixed loopback port in front of a real server: stopped, the port refuses
/// connections and open ones are cut, as when an upstream host goes down; started again, it
/// listens on the same port, as when the host comes back.
/// </summary>
internal sealed class LoopbackRelay : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private Task? _accepting;

    public LoopbackRelay(int port, IPEndPoint target)
    {
        Port = port;
        _target = target;
    }

    public int Port { get; }

    public void Start()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptAsync(_listener);
    }

    public async Task StopAsync()
    {
        _listener?.Stop();
        if (_accepting is not null)
        {
            await _accepting;
        }

        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }

            _connections.Clear();
        }

        _listener = null;
        _accepting = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return; // stopped
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        lock (_connections)
        {
            _connections.Add(client);
            _connections.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(_target);
            using var a = client.GetStream();
            using var b = upstream.GetStream();
            await Task.WhenAny(a.CopyToAsync(b), b.CopyToAsync(a));
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // Cut by StopAsync or by either side.
        }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }
}

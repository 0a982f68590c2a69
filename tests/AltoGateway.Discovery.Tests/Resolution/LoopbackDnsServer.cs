using System.Buffers;
using System.Net;
using System.Net.Sockets;
using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Resolution;

namespace AltoGateway.Discovery.Tests.Resolution;

/// <summary>
/// A tiny DNS server on 127.0.0.1, UDP and TCP on the same port, for testing the real socket transport. A handler
/// decides what to send back for each query: any number of datagrams (stray ones, wrong IDs, a truncated answer)
/// or, over TCP, one length-prefixed message.
/// </summary>
internal sealed class LoopbackDnsServer : IAsyncDisposable
{
    private readonly Socket _udp;
    private readonly TcpListener _tcp;
    private readonly Func<DnsMessage, bool, IReadOnlyList<byte[]>> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _udpLoop;
    private readonly Task _tcpLoop;
    private int _udpQueries;
    private int _tcpQueries;

    private LoopbackDnsServer(Socket udp, TcpListener tcp, Func<DnsMessage, bool, IReadOnlyList<byte[]>> handler)
    {
        _udp = udp;
        _tcp = tcp;
        _handler = handler;
        _udpLoop = Task.Run(ServeUdpAsync);
        _tcpLoop = Task.Run(ServeTcpAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_udp.LocalEndPoint!;

    public int UdpQueries => Volatile.Read(ref _udpQueries);

    public int TcpQueries => Volatile.Read(ref _tcpQueries);

    /// <summary>Starts a server; <paramref name="handler"/> gets each query and whether it came over TCP.</summary>
    public static LoopbackDnsServer Start(Func<DnsMessage, bool, IReadOnlyList<byte[]>> handler)
    {
        // UDP and TCP ports are separate spaces: take a UDP port, then the same number for TCP, retrying on a clash.
        for (var attempt = 0; ; attempt++)
        {
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var tcp = new TcpListener(IPAddress.Loopback, ((IPEndPoint)udp.LocalEndPoint!).Port);
            try
            {
                tcp.Start();
                return new LoopbackDnsServer(udp, tcp, handler);
            }
            catch (SocketException) when (attempt < 20)
            {
                udp.Dispose();
            }
        }
    }

    /// <summary>The wire form of <paramref name="response"/>, truncated with TC to <paramref name="limit"/> as a server would.</summary>
    public static byte[] Wire(DnsMessage response, int limit = DnsMessageWriter.MaxMessageLength)
    {
        var output = new ArrayBufferWriter<byte>();
        DnsMessageWriter.Write(response, output, limit);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A NOERROR response to <paramref name="query"/> with <paramref name="answers"/>.</summary>
    public static DnsMessage Response(DnsMessage query, IReadOnlyList<DnsRecord> answers, ushort? id = null, IReadOnlyList<DnsQuestion>? questions = null) =>
        new(new DnsHeader(id ?? query.Header.Id, DnsHeaderBits.Response | DnsHeaderBits.RecursionDesired | DnsHeaderBits.RecursionAvailable, 0, 0),
            questions ?? query.Questions, answers, [], query.Opt is null ? [] : [new DnsOptData(1232).ToRecord()]);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        _tcp.Stop();
        await Task.WhenAll(_udpLoop, _tcpLoop).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ServeUdpAsync()
    {
        var buffer = new byte[65535];
        while (!_stop.IsCancellationRequested)
        {
            var received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            if (!DnsMessageReader.TryRead(buffer.AsSpan(0, received.ReceivedBytes), out var query, out _))
            {
                continue;
            }

            Interlocked.Increment(ref _udpQueries);
            foreach (var datagram in _handler(query, false))
            {
                await _udp.SendToAsync(datagram, SocketFlags.None, received.RemoteEndPoint, _stop.Token);
            }
        }
    }

    private async Task ServeTcpAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _tcp.AcceptSocketAsync(_stop.Token);
            var prefix = new byte[2];
            await client.ReceiveAsync(prefix, SocketFlags.None, _stop.Token);
            var message = new byte[DnsTcpFraming.ReadLength(prefix)];
            var filled = 0;
            while (filled < message.Length)
            {
                filled += await client.ReceiveAsync(message.AsMemory(filled), SocketFlags.None, _stop.Token);
            }

            Interlocked.Increment(ref _tcpQueries);
            foreach (var response in _handler(DnsMessageReader.Read(message), true))
            {
                await client.SendAsync(DnsTcpFraming.Frame(response), SocketFlags.None, _stop.Token);
            }

            client.Shutdown(SocketShutdown.Both);
        }
    }
}

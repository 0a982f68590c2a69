using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Responder;
using AltoGateway.Host.Http;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Discovery;

/// <summary>
/// The responder on TCP (RFC 1035 §4.2.2, RFC 7766): each message framed by a two-octet length, any number
/// of queries on one connection, answered in order. A connection silent for the idle timeout is closed
/// (§6.2.3), and beyond the connection limit a new one is closed at once (§6.2.2). A zero-length frame, a
/// stream cut inside a message, or a message the answerer drops closes the connection: the framing can no
/// longer be trusted, and the client learns it at once instead of waiting.
/// </summary>
internal sealed class DnsTcpListener(
    DnsAnswerer answerer, DnsListenerSettings settings, DiscoveryMetrics metrics, DiscoveryHealth health, TimeProvider time, ILogger<DnsTcpListener> logger)
    : DnsListener(DnsTransport.Tcp, answerer, settings, metrics, health, time, logger)
{
    private const int Backlog = 128;
    private const int PrefixLength = 2;

    private readonly RefusalLogGate _refusalLog = new(time);
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private readonly TimeProvider _time = time;
    private int _open;

    protected override void Configure(Socket socket, IPEndPoint endpoint)
    {
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(endpoint);
        socket.Listen(Backlog);
    }

    protected override async Task ServeAsync(IReadOnlyList<Socket> sockets, CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(sockets.Select(socket => AcceptAsync(socket, stoppingToken))).ConfigureAwait(false);
        }
        finally
        {
            await Task.WhenAll(_connections.Keys).ConfigureAwait(false);
        }
    }

    private async Task AcceptAsync(Socket listener, CancellationToken stoppingToken)
    {
        var local = listener.LocalEndPoint?.ToString() ?? "?";
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException ex)
            {
                DiscoveryLog.SocketError(Logger, "TCP", local, ex.Message);
                continue;
            }

            if (Interlocked.Increment(ref _open) > Settings.MaxTcpConnections)
            {
                Interlocked.Decrement(ref _open);
                Metrics.ConnectionRefused();
                if (_refusalLog.TryEnter(out var heldBack))
                {
                    DiscoveryLog.TcpConnectionRefused(Logger, client.RemoteEndPoint?.ToString() ?? "?", Settings.MaxTcpConnections, heldBack);
                }

                client.Dispose();
                continue;
            }

            var connection = ServeAsync(client, stoppingToken);
            _connections.TryAdd(connection, true);
            _ = connection.ContinueWith(done => _connections.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken stoppingToken)
    {
        await Task.Yield();
        Metrics.ConnectionOpened();
        var query = ArrayPool<byte>.Shared.Rent(DnsMessageWriter.MaxMessageLength);
        var response = ArrayPool<byte>.Shared.Rent(PrefixLength + DnsMessageWriter.MaxMessageLength);
        var remote = client.RemoteEndPoint?.ToString() ?? "?";
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var stopping = stoppingToken.Register(idle.Cancel);
        try
        {
            client.NoDelay = true;
            while (true)
            {
                idle.CancelAfter(Settings.TcpIdleTimeout);
                var prefix = await ReadAsync(client, query.AsMemory(0, PrefixLength), idle.Token).ConfigureAwait(false);
                if (prefix == 0)
                {
                    return; // closed between messages: the normal end
                }

                var length = prefix == PrefixLength ? BinaryPrimitives.ReadUInt16BigEndian(query) : -1;
                if (length == 0)
                {
                    Metrics.ZeroLengthFrame();
                    LogMalformed(() => remote, 0, "zero-length frame, connection closed");
                    return;
                }

                if (length < 0 || await ReadAsync(client, query.AsMemory(0, length), idle.Token).ConfigureAwait(false) != length)
                {
                    Metrics.Count(DnsTransport.Tcp, new ResponderOutcome(0, ResponseCode.FormErr, ResponderDropReason.TooShort, false, true));
                    LogMalformed(() => remote, Math.Max(length, 0), "stream ended inside a message");
                    return;
                }

                var outcome = Answer(query.AsSpan(0, length), response.AsSpan(PrefixLength), () => remote);
                if (outcome is not { Dropped: false } answered)
                {
                    return;
                }

                BinaryPrimitives.WriteUInt16BigEndian(response, (ushort)answered.Length);
                await client.SendAsync(response.AsMemory(0, PrefixLength + answered.Length), SocketFlags.None, idle.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Idle timeout or shutdown: the connection is closed.
        }
        catch (SocketException)
        {
            // The client went away.
        }
        finally
        {
            client.Dispose();
            ArrayPool<byte>.Shared.Return(query);
            ArrayPool<byte>.Shared.Return(response);
            Metrics.ConnectionClosed();
            Interlocked.Decrement(ref _open);
        }
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the peer closes; the octets read.</summary>
    private static async Task<int> ReadAsync(Socket client, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var received = await client.ReceiveAsync(buffer[read..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (received == 0)
            {
                break;
            }

            read += received;
        }

        return read;
    }
}

using System.Buffers;
using System.Net;
using System.Net.Sockets;
using AltoGateway.Discovery.Dns;

namespace AltoGateway.Discovery.Resolution;

/// <summary>
/// The real <see cref="IDnsTransport"/>: the query goes over UDP; a response with TC set is asked again over TCP
/// (RFC 1035 §4.2.1–4.2.2, RFC 7766 §5). The UDP socket is connected, so datagrams from other sources never reach
/// it and an ICMP port unreachable surfaces at once as "connection refused". Received datagrams that are not the
/// response (<see cref="DnsResponseMatcher"/>) are dropped and counted, and the wait goes on.
/// </summary>
public sealed class DnsSocketTransport : IDnsTransport
{
    private const int MaxDatagram = ushort.MaxValue;

    private readonly DnsTransportOptions _options;

    /// <summary>A transport with <paramref name="options"/> (defaults when null).</summary>
    public DnsSocketTransport(DnsTransportOptions? options = null)
    {
        _options = options ?? new DnsTransportOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Timeout, TimeSpan.Zero, nameof(options));
    }

    /// <inheritdoc/>
    public async ValueTask<DnsExchangeResult> ExchangeAsync(DnsMessage query, IPEndPoint server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(server);
        var wire = Serialize(query);
        using var timeout = new CancellationTokenSource(_options.Timeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var ignored = 0;
        try
        {
            var udp = await ExchangeUdpAsync(query, wire, server, count => ignored = count, linked.Token).ConfigureAwait(false);
            if (!udp.Succeeded || !udp.Response.Header.Has(DnsHeaderBits.Truncated))
            {
                return udp with { IgnoredDatagrams = ignored };
            }

            var tcp = await ExchangeTcpAsync(query, wire, server, linked.Token).ConfigureAwait(false);
            return tcp with { OverTcp = true, IgnoredDatagrams = ignored };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return DnsExchangeResult.Failed(
                DnsTransportFailure.Timeout, $"no response from {server} within {_options.Timeout.TotalSeconds:0.###} s")
                with { IgnoredDatagrams = ignored };
        }
        catch (SocketException ex)
        {
            return DnsExchangeResult.Failed(DnsTransportFailure.NetworkError, $"{server}: {Describe(ex.SocketErrorCode)}")
                with { IgnoredDatagrams = ignored };
        }
    }

    private async Task<DnsExchangeResult> ExchangeUdpAsync(
        DnsMessage query, byte[] wire, IPEndPoint server, Action<int> reportIgnored, CancellationToken cancellationToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
        await socket.SendAsync(wire, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        try
        {
            var ignored = 0;
            while (true)
            {
                var length = await socket.ReceiveAsync(buffer.AsMemory(0, MaxDatagram), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                var received = buffer.AsSpan(0, length);
                if (DnsResponseMatcher.TryMatch(query, received, out var response, out _))
                {
                    return DnsExchangeResult.Success(response, received.ToArray());
                }

                reportIgnored(++ignored);
                if (ignored >= _options.MaxIgnoredDatagrams)
                {
                    return DnsExchangeResult.Failed(DnsTransportFailure.MalformedResponse, $"{server}: {ignored} datagrams that were not the response");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // RFC 7766 §6.2.1: one query on a fresh connection; the response must still match (it is not "ignored" here,
    // since a TCP stream carries nothing else: a mismatch is a broken server).
    private static async Task<DnsExchangeResult> ExchangeTcpAsync(DnsMessage query, byte[] wire, IPEndPoint server, CancellationToken cancellationToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
        await socket.SendAsync(DnsTcpFraming.Frame(wire), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        var prefix = new byte[DnsTcpFraming.PrefixLength];
        if (!await ReceiveExactlyAsync(socket, prefix, cancellationToken).ConfigureAwait(false))
        {
            return DnsExchangeResult.Failed(DnsTransportFailure.MalformedResponse, $"{server} closed the TCP connection without a response");
        }

        var message = new byte[DnsTcpFraming.ReadLength(prefix)];
        if (!await ReceiveExactlyAsync(socket, message, cancellationToken).ConfigureAwait(false))
        {
            return DnsExchangeResult.Failed(DnsTransportFailure.MalformedResponse, $"{server} closed the TCP connection mid-response");
        }

        return DnsResponseMatcher.TryMatch(query, message, out var response, out var mismatch)
            ? DnsExchangeResult.Success(response, message)
            : DnsExchangeResult.Failed(DnsTransportFailure.MalformedResponse, $"{server} answered over TCP with a message that is not the response ({mismatch})");
    }

    private static async Task<bool> ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await socket.ReceiveAsync(buffer[filled..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            filled += read;
        }

        return true;
    }

    private static byte[] Serialize(DnsMessage query)
    {
        var output = new ArrayBufferWriter<byte>(512);
        DnsMessageWriter.Write(query, output, DnsMessageWriter.MaxMessageLength);
        return output.WrittenSpan.ToArray();
    }

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused (nothing listens on that port)",
        SocketError.HostUnreachable => "host unreachable",
        SocketError.NetworkUnreachable => "network unreachable",
        SocketError.ConnectionReset => "connection reset",
        SocketError.AddressNotAvailable => "address not available",
        _ => error.ToString(),
    };
}

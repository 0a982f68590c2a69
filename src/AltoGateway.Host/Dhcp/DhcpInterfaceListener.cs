using System.Net;
using System.Net.Sockets;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Http;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// One DHCP socket on one interface, for one IP version: opened (and opened again, 1 s doubling to 60 s, when
/// the interface is missing or the socket cannot be bound, with the <c>dhcp</c> component failed meanwhile),
/// then read datagram by datagram. Whatever arrives, the loop goes on: the subclass answers or drops, every drop
/// is counted with its reason, and malformed messages and fast clients are logged at a bounded rate.
/// </summary>
internal abstract class DhcpInterfaceListener(
    DhcpInterfaceOptions options, DhcpHealth health, DhcpMetrics metrics, WanClientRateLimiter rateLimiter, TimeProvider time, ILogger logger)
{
    private const int DatagramBufferSize = 65536;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(60);
    private readonly RefusalLogGate _malformedLog = new(time);
    private readonly RefusalLogGate _rateLog = new(time);

    /// <summary>"v4" or "v6": the metrics' version label, and "DHCPv4" in logs.</summary>
    protected abstract string Version { get; }

    protected DhcpInterfaceOptions Options => options;

    protected DhcpMetrics Metrics => metrics;

    protected ILogger Logger => logger;

    protected TimeProvider Time => time;

    /// <summary>The kernel's index of the interface, as of the last time the socket was opened.</summary>
    protected int InterfaceIndex { get; private set; }

    /// <summary>How the health component names this socket: "DHCPv4 on br-lan".</summary>
    public string SocketName => $"DHCP{Version} on {options.Name}";

    /// <summary>Opens and serves the socket until <paramref name="stoppingToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                var nic = DhcpInterfaceAddresses.Read(options.Name) ?? throw new DhcpSocketException($"interface '{options.Name}' does not exist", new InvalidOperationException());
                InterfaceIndex = nic.Index;
                socket = Open(nic);
            }
            catch (DhcpSocketException ex)
            {
                health.Failed(SocketName, ex.Message);
                DhcpLog.CannotListen(logger, Version, options.Name, ex.Message, delay);
                if (!await DelayAsync(delay, stoppingToken).ConfigureAwait(false))
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetry.Ticks));
                continue;
            }

            using (socket)
            {
                delay = FirstRetry;
                health.Bound(SocketName);
                DhcpLog.Listening(logger, Version, options.Name, socket.LocalEndPoint?.ToString() ?? "?");
                // Several loops read the one socket, each with its own buffers: while one waits for
                // its ACK's journal commit the others go on, and their commits share an fsync.
                await Task.WhenAll(Enumerable.Range(0, ReceiveLoops).Select(_ => ReceiveAsync(socket, stoppingToken))).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Messages answered at once per socket (an answer may wait for the lease journal's fsync).</summary>
    private const int ReceiveLoops = 32;

    /// <summary>Opens the socket on the interface (<see cref="DhcpSockets"/>).</summary>
    protected abstract Socket Open(DhcpInterfaceAddresses.Snapshot nic);

    /// <summary>The address a datagram is received from, of this socket's family.</summary>
    protected abstract EndPoint AnyEndPoint { get; }

    /// <summary>Answers or drops one datagram; never throws for bad input.</summary>
    protected abstract ValueTask HandleAsync(Socket socket, ReadOnlyMemory<byte> datagram, IPEndPoint remote, IPPacketInformation arrival, Memory<byte> reply, CancellationToken stoppingToken);

    /// <summary>Counts a drop of a malformed message and logs it (at most a line every few seconds after a burst).</summary>
    protected void DropMalformed(string reason, IPEndPoint remote, int length, string failure)
    {
        metrics.Dropped(reason);
        if (_malformedLog.TryEnter(out var heldBack))
        {
            DhcpLog.Malformed(logger, Version, remote.ToString(), options.Name, length, failure, heldBack);
        }
    }

    /// <summary>False (counted, logged at a bounded rate) when the client is over <c>Dhcp:RateLimit</c>.</summary>
    protected bool Admit(string client)
    {
        if (rateLimiter.TryAcquire(client).Outcome == WanRateOutcome.Allowed)
        {
            return true;
        }

        metrics.Dropped(DhcpMetrics.RateLimited);
        if (_rateLog.TryEnter(out var heldBack))
        {
            DhcpLog.RateLimited(logger, Version, client, options.Name, heldBack);
        }

        return false;
    }

    /// <summary>Counts a message not answered and logs it at debug level.</summary>
    protected void NotAnswered(string type, IPEndPoint remote, string reason)
    {
        metrics.Dropped(reason);
        DhcpLog.NotAnswered(logger, Version, type, remote.ToString(), options.Name, reason);
    }

    /// <summary>Sends a reply; a failure (no route, the interface went down) is counted and logged, never thrown.</summary>
    protected async ValueTask<bool> SendAsync(Socket socket, ReadOnlyMemory<byte> datagram, IPEndPoint destination, CancellationToken stoppingToken)
    {
        try
        {
            await socket.SendToAsync(datagram, SocketFlags.None, destination, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException ex)
        {
            metrics.Dropped(DhcpMetrics.SendFailed);
            DhcpLog.SocketError(logger, Version, options.Name, $"sending to {destination}: {ex.Message}");
            return false;
        }
    }

    private async Task ReceiveAsync(Socket socket, CancellationToken stoppingToken)
    {
        var buffer = new byte[DatagramBufferSize];
        var reply = new byte[DatagramBufferSize];
        while (!stoppingToken.IsCancellationRequested)
        {
            SocketReceiveMessageFromResult received;
            try
            {
                received = await socket.ReceiveMessageFromAsync(buffer, SocketFlags.None, AnyEndPoint, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // An ICMP error for an earlier reply is reported here; a vanished interface ends the socket.
                DhcpLog.SocketError(logger, Version, options.Name, ex.Message);
                if (DhcpInterfaceAddresses.Read(options.Name) is null)
                {
                    health.Failed(SocketName, $"interface '{options.Name}' disappeared");
                    return;
                }

                continue;
            }

            var remote = (IPEndPoint)received.RemoteEndPoint;
            try
            {
                await HandleAsync(socket, buffer.AsMemory(0, received.ReceivedBytes), remote, received.PacketInformation, reply, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
#pragma warning disable CA1031 // A bug in answering one message must not stop the listener; it is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                DhcpLog.AnswerFailed(logger, Version, remote.ToString(), options.Name, ex.ToString());
            }
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

using System.Net;
using System.Net.Sockets;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Http;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// One DHCP socket on one interface, for one IP version, served by a <see cref="DhcpSocketLoop"/>: while the
/// interface is missing or the socket cannot be bound the <c>dhcp</c> component is failed. Whatever arrives, the
/// loop goes on: the subclass answers or drops, every drop is counted with its reason, and malformed messages and
/// fast clients are logged at a bounded rate.
/// </summary>
internal abstract class DhcpInterfaceListener(
    DhcpInterfaceOptions options, DhcpHealth health, DhcpMetrics metrics, WanClientRateLimiter rateLimiter, TimeProvider time, ILogger logger)
    : DhcpSocketLoop(time)
{
    private readonly RefusalLogGate _malformedLog = new(time);
    private readonly RefusalLogGate _rateLog = new(time);

    /// <summary>"v4" or "v6": the metrics' version label, and "DHCPv4" in logs.</summary>
    protected abstract string Version { get; }

    protected DhcpInterfaceOptions Options => options;

    protected DhcpMetrics Metrics => metrics;

    protected ILogger Logger => logger;

    /// <summary>The kernel's index of the interface, as of the last time the socket was opened.</summary>
    protected int InterfaceIndex { get; private set; }

    /// <summary>How the health component names this socket: "DHCPv4 on br-lan".</summary>
    public string SocketName => $"DHCP{Version} on {options.Name}";

    protected override string ThreadName => $"dhcp{Version[1..]} {options.Name}";

    protected sealed override Socket Open()
    {
        var nic = DhcpInterfaceAddresses.Read(options.Name) ?? throw new DhcpSocketException($"interface '{options.Name}' does not exist", new InvalidOperationException());
        InterfaceIndex = nic.Index;
        return Open(nic);
    }

    /// <summary>Opens the socket on the interface (<see cref="DhcpSockets"/>).</summary>
    protected abstract Socket Open(DhcpInterfaceAddresses.Snapshot nic);

    protected sealed override void CannotOpen(string reason, TimeSpan retryIn)
    {
        health.Failed(SocketName, reason);
        DhcpLog.CannotListen(logger, Version, options.Name, reason, retryIn);
    }

    protected sealed override void Opened(Socket socket)
    {
        health.Bound(SocketName);
        DhcpLog.Listening(logger, Version, options.Name, socket.LocalEndPoint?.ToString() ?? "?");
    }

    protected sealed override bool ReceiveFailed(SocketException exception)
    {
        // An ICMP error for an earlier reply is reported here; a vanished interface ends the socket.
        DhcpLog.SocketError(logger, Version, options.Name, exception.Message);
        if (DhcpInterfaceAddresses.Read(options.Name) is null)
        {
            health.Failed(SocketName, $"interface '{options.Name}' disappeared");
            return false;
        }

        return true;
    }

    protected sealed override void ServeFailed(Exception exception, TimeSpan retryIn)
    {
        health.Failed(SocketName, $"the socket's thread failed: {exception.Message}");
        DhcpLog.CannotListen(logger, Version, options.Name, exception.ToString(), retryIn);
    }

    protected sealed override void HandleFailed(IPEndPoint remote, Exception exception) =>
        DhcpLog.AnswerFailed(logger, Version, remote.ToString(), options.Name, exception.ToString());

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
        if (logger.IsEnabled(LogLevel.Debug))
        {
            DhcpLog.NotAnswered(logger, Version, type, remote.ToString(), options.Name, reason);
        }
    }

    /// <summary>
    /// A reply sent (<see cref="DhcpSocketLoop.Send"/>, whose tag is the reply's type) is counted once it left; a
    /// failure (no route, the interface went down) is counted and logged, never thrown.
    /// </summary>
    protected sealed override void Sent(IPEndPoint destination, string? tag, SocketError error)
    {
        var replyType = tag ?? "?";
        if (error != SocketError.Success)
        {
            metrics.Dropped(DhcpMetrics.SendFailed);
            DhcpLog.SocketError(logger, Version, options.Name, $"sending a {replyType} to {destination}: {error}");
            return;
        }

        metrics.Replied(Version, replyType);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            DhcpLog.Replied(logger, Version, replyType, destination.ToString(), options.Name);
        }
    }

    protected sealed override void TooLong(IPEndPoint remote) =>
        DropMalformed(DhcpMetrics.DatagramTooLong, remote, UdpBatch.DatagramCapacity, $"longer than {UdpBatch.DatagramCapacity} octets (truncated on read)");

    /// <summary>The buffer a reply is encoded into before it is queued; the serving thread's own.</summary>
    protected byte[] ReplyBuffer { get; } = new byte[65536];
}

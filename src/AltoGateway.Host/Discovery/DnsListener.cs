using System.Net;
using System.Net.Sockets;
using AltoGateway.Discovery.Responder;
using AltoGateway.Host.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Discovery;

/// <summary>
/// What the UDP and the TCP listener share: binding every configured address (the <c>discovery</c> component
/// fails with the reason when one cannot be bound), answering one message without ever letting an exception
/// out, counting it, and logging malformed messages at a bounded rate.
/// </summary>
internal abstract class DnsListener(
    DnsTransport transport, DnsAnswerer answerer, DnsListenerSettings settings, DiscoveryMetrics metrics, DiscoveryHealth health, TimeProvider time, ILogger logger)
    : BackgroundService
{
    private readonly RefusalLogGate _malformedLog = new(time);

    protected DnsAnswerer Answerer => answerer;

    protected DnsListenerSettings Settings => settings;

    protected DiscoveryMetrics Metrics => metrics;

    protected ILogger Logger => logger;

    protected string TransportName => transport == DnsTransport.Udp ? "UDP" : "TCP";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sockets = new List<Socket>();
        try
        {
            foreach (var endpoint in settings.Endpoints)
            {
                try
                {
                    sockets.Add(Bind(endpoint));
                }
                catch (SocketException ex)
                {
                    DiscoveryLog.CannotListen(logger, endpoint.ToString(), TransportName, ex.Message);
                    health.ListenerFailed($"cannot listen on {endpoint} ({TransportName}): {ex.Message}");
                    return;
                }
            }

            health.ListenerReady();
            await ServeAsync(sockets, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    /// <summary>Configures and binds a socket on <paramref name="socket"/>'s endpoint.</summary>
    protected abstract void Configure(Socket socket, IPEndPoint endpoint);

    /// <summary>Serves the bound sockets until <paramref name="stoppingToken"/> fires.</summary>
    protected abstract Task ServeAsync(IReadOnlyList<Socket> sockets, CancellationToken stoppingToken);

    /// <summary>Answers one message and counts it; null when answering failed (a bug, logged).</summary>
    protected ResponderOutcome? Answer(ReadOnlySpan<byte> query, Span<byte> response, Func<string> remote)
    {
        ResponderOutcome outcome;
        try
        {
            outcome = answerer.Answer(query, response, transport);
        }
#pragma warning disable CA1031 // A bug in answering one message must not stop the listener; it is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DiscoveryLog.AnswerFailed(logger, remote(), TransportName, ex.ToString());
            return null;
        }

        metrics.Count(transport, outcome);
        if (outcome.Malformed)
        {
            LogMalformed(remote, query.Length, outcome.Dropped ? $"dropped ({outcome.Drop})" : $"answered {DiscoveryMetrics.RcodeName(outcome.Rcode).ToUpperInvariant()}");
        }

        return outcome;
    }

    protected void LogMalformed(Func<string> remote, int length, string outcome)
    {
        if (_malformedLog.TryEnter(out var heldBack))
        {
            DiscoveryLog.Malformed(logger, remote(), TransportName, length, outcome, heldBack);
        }
    }

    private Socket Bind(IPEndPoint endpoint)
    {
        var socket = transport == DnsTransport.Udp
            ? new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
            : new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false; // [::] answers IPv6 only, so 0.0.0.0 may be listed beside it
            }

            Configure(socket, endpoint);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

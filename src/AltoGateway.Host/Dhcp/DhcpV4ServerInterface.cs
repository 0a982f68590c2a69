using System.Net;
using AltoGateway.Dhcp.Leases;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.ServerMode;
using AltoGateway.Dhcp.V4;
using AltoGateway.Host.Http;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// Server mode on one interface, around the pure <see cref="DhcpV4Server"/>: it answers nothing until the lease
/// store is open, and a journal that cannot be written (disk full, read-only, gone) means no reply to any message
/// that waited for it — the ACK only ever follows the commit — logged, counted as the drop reason
/// <c>journal-failed</c>, and the <c>dhcp-leases</c> component degraded until a commit succeeds again.
/// </summary>
internal sealed class DhcpV4ServerInterface(string name, DhcpMetrics metrics, DhcpLeaseHealth health, Func<Func<IPAddress, string?>?> peerIds, TimeProvider time, ILogger logger)
    : IDhcpV4Responder
{
    private readonly RefusalLogGate _exhaustedLog = new(time);
    private volatile DhcpV4Server? _server;
    private volatile bool _journalFailing;

    public string Name => name;

    /// <summary>The server, once its store is open.</summary>
    public DhcpV4Server? Server => _server;

    /// <summary>Why the server did not start, when it did not.</summary>
    public string? StartProblem { get; private set; }

    /// <summary>Addresses that can be handed out (0 until started).</summary>
    public int PoolSize => _server is { } server ? DhcpV4ServerPlan.PoolSize(server.Leases.Pool) : 0;

    /// <summary>Leases bound now.</summary>
    public int Bound => _server?.Leases.Snapshot().Count(e => e.State == LeaseState.Bound) ?? 0;

    public void Started(DhcpV4Server server) => _server = server;

    public void NotStarted(string problem) => StartProblem = problem;

    public DhcpV4Response Respond(DhcpV4Message request, IPAddress serverAddress, bool receivedByBroadcast, out long commitTicket)
    {
        commitTicket = 0;
        if (_server is not { } server)
        {
            return DhcpV4Response.Ignore(DhcpIgnoreReason.Unavailable);
        }

        var response = server.Respond(request, receivedByBroadcast, peerIds(), out commitTicket);
        switch (response)
        {
            case { Ignored: DhcpIgnoreReason.PoolExhausted }:
                metrics.PoolExhausted(name);
                if (_exhaustedLog.TryEnter(out var heldBack))
                {
                    DhcpLog.PoolExhausted(logger, name, DhcpClientKey.ForV4(request), heldBack);
                }

                break;
            case { Ignored: DhcpIgnoreReason.NoReplyDue } when request.MessageType == DhcpV4MessageType.Decline:
                DhcpLog.Declined(logger, DhcpClientKey.ForV4(request), name, request.FindOption(DhcpV4OptionCode.RequestedIpAddress)?.TryGetAddress(out var declined) == true ? declined.ToString() : "?");
                break;
            case { Reply: { } reply } when reply.MessageType is DhcpV4MessageType.Offer or DhcpV4MessageType.Ack && logger.IsEnabled(LogLevel.Debug):
                DhcpLog.Leased(logger, DhcpMetrics.TypeName(reply.MessageType), reply.YourAddress.ToString(), DhcpClientKey.ForV4(request), name);
                break;
        }

        return response;
    }

    public bool Commit(long commitTicket, int waitingReplies)
    {
        if (_server is not { } server)
        {
            return commitTicket == 0;
        }

        try
        {
            server.Leases.Commit(commitTicket);
        }
        catch (ObjectDisposedException)
        {
            return false; // the agent is stopping and the store closed: nothing waiting is sent
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _journalFailing = true;
            health.JournalFailed(name, ex.Message);
            DhcpLog.JournalWriteFailed(logger, name, waitingReplies, ex.Message);
            return false;
        }

        if (_journalFailing && commitTicket != 0)
        {
            _journalFailing = false;
            health.JournalWritten(name);
            DhcpLog.JournalRecovered(logger, name);
        }

        return true;
    }
}

using System.Diagnostics.Metrics;
using AltoGateway.Health;
using AltoGateway.Nat.Conntrack;
using AltoGateway.Nat.Map;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Nat;

/// <summary>
/// The <c>conntrack</c> component: learns NAT mappings from the kernel's connection tracking over
/// ctnetlink. It joins the event groups first, then dumps the table inside a NAT map resync (so
/// nothing happening during the dump is missed), then follows NEW / UPDATE / DESTROY events. When
/// the kernel drops events (ENOBUFS) it resynchronises with a new dump rather than keep a wrong
/// table. Without CAP_NET_ADMIN or without conntrack in the kernel it reports degraded health with
/// the reason and retries with backoff; it never stops the agent.
/// </summary>
internal sealed class ConntrackFeed : BackgroundService
{
    public const string ComponentName = "conntrack";

    /// <summary>First wait before reopening the socket after a failure; doubled up to <see cref="LastRetryDelay"/>.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts: a capability granted or a module loaded is noticed within a minute.</summary>
    public static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a dump may go without sending anything before the feed gives up on it and starts
    /// afresh (the kernel sends the next part as soon as the last one is read, so silence means lost).
    /// </summary>
    public static readonly TimeSpan DumpStallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Least time between two "events lost" warnings (the counter counts every one).</summary>
    public static readonly TimeSpan OverflowLogInterval = TimeSpan.FromSeconds(10);

    /// <summary>Most queued datagrams read before a dump: about a second's worth of reading.</summary>
    private const int MaxDrainedDatagrams = 100_000;

    /// <summary>ENOBUFS (asm-generic/errno.h).</summary>
    private const int Enobufs = 105;

    private readonly NatMap _map;
    private readonly ConntrackFeedOptions _options;
    private readonly HealthReporter? _health;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<ConntrackFeedOptions, ConntrackSocket> _openSocket;
    private readonly ConntrackFlowTable _flows = new();
    private readonly byte[] _buffer = new byte[ConntrackSocket.DatagramBufferSize];

    private readonly Counter<long> _events;
    private readonly Counter<long> _resyncs;
    private readonly Counter<long> _overflows;
    private readonly Counter<long> _malformed;
    private readonly Counter<long> _ignored;
    private long _overflowCount;
    private long _malformedCount;
    private long _eventCount;
    private long _resyncCount;
    private long _lastOverflowLogged;

    private uint _sequence;
    private Resync? _resync;
    private bool _resyncAgain;
    private bool _synchronised;
    private bool _draining;

    public ConntrackFeed(NatMap map, HealthRegistry health, IMeterFactory meterFactory, TimeProvider time, ILogger<ConntrackFeed> logger, ConntrackFeedOptions options)
        : this(map, health, meterFactory, time, logger, options, ConntrackSocket.Open)
    {
    }

    /// <summary>For tests: how the socket is opened.</summary>
    internal ConntrackFeed(
        NatMap map,
        HealthRegistry health,
        IMeterFactory meterFactory,
        TimeProvider time,
        ILogger<ConntrackFeed> logger,
        ConntrackFeedOptions options,
        Func<ConntrackFeedOptions, ConntrackSocket> openSocket)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(meterFactory);
        _map = map;
        _options = options;
        _time = time;
        _logger = logger;
        _openSocket = openSocket;
        _health = options.Enabled ? health.Register(ComponentName) : null;

        var meter = meterFactory.Create(NatMetrics.MeterName);
        _events = meter.CreateCounter<long>("altogw.conntrack.events", description: "conntrack messages applied, by kind: new, update, destroy, dump");
        _resyncs = meter.CreateCounter<long>("altogw.conntrack.resyncs", description: "Complete conntrack dumps, by reason: start, overflow");
        _overflows = meter.CreateCounter<long>("altogw.conntrack.overflows", description: "Times the kernel dropped conntrack events (ENOBUFS)");
        _malformed = meter.CreateCounter<long>("altogw.conntrack.malformed", description: "Malformed netlink messages skipped");
        _ignored = meter.CreateCounter<long>("altogw.conntrack.ignored", description: "conntrack entries that give no mapping, by reason: not-natted, protocol");
    }

    /// <summary>conntrack messages applied since start (events and dump entries), for /status.</summary>
    public long Events => Interlocked.Read(ref _eventCount);

    /// <summary>Complete dumps since start (the first one and every resynchronisation), for /status.</summary>
    public long Resyncs => Interlocked.Read(ref _resyncCount);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_health is null)
        {
            ConntrackLog.Disabled(_logger);
            return;
        }

        // Opening the socket blocks briefly (a thread joins when it enters a namespace): not on the
        // host's start-up path.
        await Task.Yield();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                using var socket = _openSocket(_options);
                var where = _options.NetworkNamespace is { Length: > 0 } ns ? $" in network namespace {ns}" : string.Empty;
                ConntrackLog.Listening(_logger, where, socket.ReceiveBufferBytes);
                await FollowAsync(socket, () =>
                {
                    if (failures > 0)
                    {
                        ConntrackLog.Recovered(_logger, failures);
                        failures = 0;
                    }
                }, stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ConntrackSocketException ex)
            {
                reason = ex.Reason;
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                reason = $"netlink socket error {ex.SocketErrorCode} ({ex.Message})";
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Whatever went wrong, the agent keeps serving (a BackgroundService that throws
                // stops the host): report it, start afresh after the backoff.
                reason = $"unexpected {ex.GetType().Name}: {ex.Message}";
            }

            var delay = RetryDelay(failures++);
            ConntrackLog.Unavailable(_logger, reason, delay);
            _health.ReportDegraded(reason);
            try
            {
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>1 s, 2 s, 4 s, … up to a minute.</summary>
    internal static TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(LastRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(failures, 16)));

    /// <summary>Dumps, then follows events until cancelled; throws when the socket or a dump fails.</summary>
    private async Task FollowAsync(ConntrackSocket socket, Action synchronised, CancellationToken cancellationToken)
    {
        _resync = null;
        _resyncAgain = false;
        _synchronised = false;
        StartResync(socket, "start");
        while (true)
        {
            var received = _resync is null
                ? await socket.ReceiveAsync(_buffer, cancellationToken).ConfigureAwait(false)
                : await ReceiveDuringDumpAsync(socket, cancellationToken).ConfigureAwait(false);
            if (received.EventsLost)
            {
                EventsLost(socket);
            }
            else
            {
                var wasSynchronised = _synchronised;
                Process(socket, _buffer.AsSpan(0, received.Length));
                if (_synchronised && !wasSynchronised)
                {
                    _health!.ReportReady();
                    synchronised();
                }
            }

            // Started here, between datagrams, never while one is being read from _buffer.
            if (_resyncAgain && _resync is null)
            {
                StartResync(socket, "overflow");
            }
        }
    }

    private async Task<ConntrackSocket.Received> ReceiveDuringDumpAsync(ConntrackSocket socket, CancellationToken cancellationToken)
    {
        using var stall = new CancellationTokenSource(DumpStallTimeout, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        try
        {
            return await socket.ReceiveAsync(_buffer, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConntrackSocketException($"conntrack dump stalled: nothing received for {DumpStallTimeout.TotalSeconds} s");
        }
    }

    private void Process(ConntrackSocket socket, ReadOnlySpan<byte> datagram)
    {
        var reader = new NetlinkMessageReader(datagram);
        ConntrackParseError error;
        while (reader.TryRead(out var message, out error))
        {
            var header = message.Header;
            switch (header.Type)
            {
                case NetlinkMessageTypes.Noop:
                    break;
                case NetlinkMessageTypes.Done:
                    if (_resync is { } done && header.Sequence == done.Sequence)
                    {
                        EndResync(done);
                    }

                    break;
                case NetlinkMessageTypes.Error:
                    OnError(socket, message);
                    break;
                case NetlinkMessageTypes.Overrun:
                    EventsLost(socket);
                    break;
                default:
                    Apply(message);
                    break;
            }
        }

        if (error != ConntrackParseError.None)
        {
            // The header of what is left is broken: nothing more of this datagram can be read.
            NetlinkMessageHeader.TryRead(datagram[reader.Consumed..], out var broken);
            Malformed(error, broken.Type);
        }
    }

    private void Apply(in NetlinkMessage message)
    {
        if (!CtnetlinkMessageTypes.IsConntrackEntry(message.Header.Type))
        {
            _ignored.Add(1, new KeyValuePair<string, object?>("reason", "message-type"));
            return;
        }

        if (!ConntrackEventDecoder.TryDecode(message, out var conntrackEvent, out var error))
        {
            Malformed(error, message.Header.Type);
            return;
        }

        var inDump = _resync is { } resync && message.Header.Sequence == resync.Sequence && message.Header.Sequence != 0;
        if (inDump && (message.Header.Flags & NetlinkMessageFlags.DumpInterrupted) != 0)
        {
            ConntrackLog.DumpInterrupted(_logger, message.Header.Sequence);
            _resyncAgain = true;
        }

        Interlocked.Increment(ref _eventCount);
        _events.Add(1, new KeyValuePair<string, object?>("kind", inDump ? "dump" : KindTag(conntrackEvent.Kind)));
        var update = _flows.Apply(conntrackEvent, _time.GetUtcNow());
        switch (update.Action)
        {
            case ConntrackMapAction.Upsert:
                _map.Upsert(update.Mapping, update.Lifetime);
                if (inDump)
                {
                    _resync!.Flows++;
                }

                break;
            case ConntrackMapAction.Remove:
                _map.Remove(update.Mapping.Protocol, update.Mapping.ExternalAddress, update.Mapping.ExternalPort);
                break;
            default:
                if (update.Outcome != ConntrackMappingOutcome.SourceNat)
                {
                    _ignored.Add(1, new KeyValuePair<string, object?>("reason", update.Outcome == ConntrackMappingOutcome.NotNatted ? "not-natted" : "protocol"));
                }

                break;
        }
    }

    private void OnError(ConntrackSocket socket, in NetlinkMessage message)
    {
        if (!NetlinkErrorMessage.TryRead(message.Payload, out var error, out var parseError))
        {
            Malformed(parseError, message.Header.Type);
            return;
        }

        if (error.IsAcknowledgement)
        {
            return;
        }

        if (_resync is { } resync && error.Request.Sequence == resync.Sequence)
        {
            if (error.Errno == Enobufs)
            {
                // The receive queue was full when the dump began. The kernel keeps the dump pending
                // and goes on once the queue has been read (netlink_dump leaves cb_running set,
                // net/netlink/af_netlink.c), so its entries and NLMSG_DONE still come; but events
                // were dropped meanwhile, so another dump follows this one.
                EventsLost(socket);
                return;
            }

            // The dump was refused: EPERM without CAP_NET_ADMIN, EINVAL/EOPNOTSUPP without ctnetlink.
            throw new ConntrackSocketException("conntrack dump", error.Errno);
        }

        ConntrackLog.UnrelatedError(_logger, error.Errno, error.Request.Type, error.Request.Sequence);
    }

    private void EventsLost(ConntrackSocket socket)
    {
        _overflows.Add(1);
        var count = ++_overflowCount;

        // An overflowing burst reports ENOBUFS many times over: one warning per interval says it all.
        if (count == 1 || _time.GetElapsedTime(_lastOverflowLogged) >= OverflowLogInterval)
        {
            _lastOverflowLogged = _time.GetTimestamp();
            ConntrackLog.EventsLost(_logger, socket.ReceiveBufferBytes, count);
        }

        // While draining before a dump, the dump about to start covers what was lost. Otherwise
        // a dump follows once the datagram is processed, or once the running dump is done (one
        // dump at a time per socket: a second one would fail with EBUSY).
        if (!_draining)
        {
            _resyncAgain = true;
        }
    }

    private void StartResync(ConntrackSocket socket, string reason)
    {
        _resyncAgain = false;
        if (reason != "start")
        {
            DrainQueue(socket);
        }

        // Sequence 0 is what events carry; dumps never use it.
        _sequence = _sequence == uint.MaxValue ? 1 : _sequence + 1;
        _resync = new Resync(_map.BeginResync(NatMappingSource.Conntrack), _sequence, reason, _time.GetTimestamp());
        _flows.Clear();
        socket.SendDumpRequest(_sequence);
    }

    /// <summary>
    /// Before a dump after lost events: reads what is queued until the queue is empty. After one
    /// ENOBUFS the kernel drops further events silently until the queue has been read empty, so a
    /// dump started earlier could miss flows whose events were dropped after it passed them. The
    /// queued events are applied (the dump then overrides them). Bounded: when events keep coming
    /// faster than they are read, the dump starts anyway and another one follows it.
    /// </summary>
    private void DrainQueue(ConntrackSocket socket)
    {
        _draining = true;
        try
        {
            for (var i = 0; i < MaxDrainedDatagrams; i++)
            {
                if (!socket.TryReceiveQueued(_buffer, out var received))
                {
                    return;
                }

                if (received.EventsLost)
                {
                    EventsLost(socket);
                }
                else
                {
                    Process(socket, _buffer.AsSpan(0, received.Length));
                }
            }

            _resyncAgain = true;
        }
        finally
        {
            _draining = false;
        }
    }

    private void EndResync(Resync resync)
    {
        var removed = _map.EndResync(resync.Token);
        _resync = null;
        _synchronised = true;
        Interlocked.Increment(ref _resyncCount);
        _resyncs.Add(1, new KeyValuePair<string, object?>("reason", resync.Reason));
        ConntrackLog.Resynchronised(_logger, resync.Reason, resync.Flows, removed, (long)_time.GetElapsedTime(resync.Started).TotalMilliseconds);
    }

    private void Malformed(ConntrackParseError error, ushort type)
    {
        _malformed.Add(1);
        var count = ++_malformedCount;

        // A stream of garbage must not flood the journal: the first, then every thousandth.
        if (count == 1 || count % 1000 == 0)
        {
            ConntrackLog.Malformed(_logger, error.ToString(), type, count);
        }
    }

    private static string KindTag(ConntrackEventKind kind) => kind switch
    {
        ConntrackEventKind.New => "new",
        ConntrackEventKind.Update => "update",
        _ => "destroy",
    };

    /// <summary>The dump in progress: its NAT map token, its netlink sequence, why, since when, and what it brought.</summary>
    private sealed class Resync(ResyncToken token, uint sequence, string reason, long started)
    {
        public ResyncToken Token { get; } = token;

        public uint Sequence { get; } = sequence;

        public string Reason { get; } = reason;

        public long Started { get; } = started;

        public int Flows { get; set; }
    }
}

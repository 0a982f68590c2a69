using System.Net;

namespace AltoGateway.Dhcp.Leases;

/// <summary>
/// What the DHCPv4 server calls: one interface's <see cref="LeaseTable"/> with its journal in the
/// state directory (<c>dhcp4-leases-INTERFACE.journal</c>, mode 0600). Every change that
/// matters after a crash (bind, extend, release, decline, conflict) is on disk before the method
/// returns (<see cref="RequestAsync"/>), or before <see cref="Commit"/> of its ticket returns
/// (<see cref="Request"/>), so the server sends its DHCPACK only after that:
/// <c>kill -9</c> at any moment loses no acknowledged lease and never gives one address to two
/// clients. Offers are not journaled (RFC 2131 §4.3.1 lets a server forget them).
/// Thread-safe: decisions are serialised by one lock, durability is shared by group commit, and
/// the journal is compacted in the background once it holds many more records than the table.
/// </summary>
public sealed class LeaseStore : IAsyncDisposable
{
    /// <summary>Compact once the journal holds this many records and at least twice the table's.</summary>
    public const int DefaultCompactAfterRecords = 10_000;

    private readonly Lock _gate = new();
    private readonly LeaseTable _table;
    private readonly LeaseJournal _journal;
    private readonly int _compactAfterRecords;
    private long _lastSnapshotRecords;
    private Task _compaction = Task.CompletedTask;

    private LeaseStore(LeaseTable table, string path, int compactAfterRecords, TimeProvider time)
    {
        _table = table;
        _journal = new LeaseJournal(path, _gate, time);
        _compactAfterRecords = compactAfterRecords;
    }

    /// <summary>The journal's problem at start (a torn tail after a crash, a corrupt record), null when it was clean.</summary>
    public LeaseJournalProblem? LoadProblem { get; private init; }

    /// <summary>Records read at start.</summary>
    public int LoadedRecords { get; private init; }

    /// <summary>Records read at start that no longer fit the pool (an address outside the subnet): dropped.</summary>
    public int SkippedRecords { get; private init; }

    public long CompactionFailures => Interlocked.Read(ref _compactionFailures);

    public Exception? LastCompactionError { get; private set; }

    public string JournalPath => _journal.Path;

    public LeasePool Pool => _table.Pool;

    private long _compactionFailures;
    private long _recordsAtFailedCompaction;

    /// <summary>The journal file of <paramref name="interfaceName"/> in <paramref name="stateDirectory"/>.</summary>
    public static string JournalPathFor(string stateDirectory, string interfaceName)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        ArgumentException.ThrowIfNullOrEmpty(interfaceName);
        if (interfaceName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')) || interfaceName[0] == '.')
        {
            throw new ArgumentException($"'{interfaceName}' cannot name a journal file", nameof(interfaceName));
        }

        return Path.Combine(stateDirectory, $"dhcp4-leases-{interfaceName}.journal");
    }

    /// <summary>
    /// Reads the interface's journal (stopping at a torn or corrupt record), rebuilds the table
    /// (expired leases come back expired, not bound), and rewrites the journal compacted, which also
    /// drops a damaged tail. Creates the state directory (mode 0700) when missing.
    /// </summary>
    public static async Task<LeaseStore> OpenAsync(
        LeasePool pool, LeaseTimes times, string stateDirectory, string interfaceName, TimeProvider time,
        int compactAfterRecords = DefaultCompactAfterRecords, CancellationToken cancellationToken = default)
    {
        var path = JournalPathFor(stateDirectory, interfaceName);
        Directory.CreateDirectory(stateDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.Delete(path + ".tmp");
        var contents = LeaseJournalReader.Read(path, time);
        var table = new LeaseTable(pool, times, time);
        var skipped = contents.Records.Count(record => !table.Replay(record));
        var store = new LeaseStore(table, path, Math.Max(1, compactAfterRecords), time)
        {
            LoadProblem = contents.Problem,
            LoadedRecords = contents.Records.Count,
            SkippedRecords = skipped,
        };
        await store.CompactAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>DHCPDISCOVER → the address to offer (held for <see cref="LeaseTimes.OfferHold"/>), or <see cref="OfferSource.PoolExhausted"/>.</summary>
    public OfferResult Offer(LeaseClient client, IPAddress? requestedAddress = null, TimeSpan? requestedLeaseTime = null)
    {
        lock (_gate)
        {
            return _table.Offer(client, requestedAddress, requestedLeaseTime);
        }
    }

    /// <summary>
    /// DHCPREQUEST → Ack (the binding is on disk: send the DHCPACK), Nak (send a DHCPNAK) or Ignore.
    /// <paramref name="state"/> comes from <see cref="RequestStateClassifier.Classify"/>.
    /// Throws <see cref="IOException"/> when the journal cannot be written: then send nothing.
    /// </summary>
    public async ValueTask<RequestDecision> RequestAsync(
        RequestState state, LeaseClient client, IPAddress? serverIdentifier, IPAddress? requestedAddress, IPAddress? clientAddress,
        TimeSpan? requestedLeaseTime = null, CancellationToken cancellationToken = default)
    {
        var decision = Request(state, client, serverIdentifier, requestedAddress, clientAddress, requestedLeaseTime, out var ticket);
        await CommitAsync(ticket, cancellationToken).ConfigureAwait(false);
        return decision;
    }

    /// <summary>
    /// <see cref="RequestAsync"/>'s decision without waiting for the disk: an Ack may be sent only once
    /// <see cref="Commit"/> (or <see cref="CommitAsync"/>) of <paramref name="commitTicket"/> (0: nothing to write) returned.
    /// A caller answering many messages decides them all, commits the highest ticket once, then sends.
    /// </summary>
    public RequestDecision Request(
        RequestState state, LeaseClient client, IPAddress? serverIdentifier, IPAddress? requestedAddress, IPAddress? clientAddress,
        TimeSpan? requestedLeaseTime, out long commitTicket)
    {
        lock (_gate)
        {
            var (decision, record) = _table.Request(state, client, serverIdentifier, requestedAddress, clientAddress, requestedLeaseTime);
            commitTicket = record is { } change ? _journal.Append(change) : 0;
            return decision;
        }
    }

    /// <summary>DHCPRELEASE (RFC 2131 §4.3.4); no reply is sent either way.</summary>
    public async ValueTask<LeaseChangeOutcome> ReleaseAsync(LeaseClient client, IPAddress address, CancellationToken cancellationToken = default)
    {
        var outcome = Release(client, address, out var ticket);
        await CommitAsync(ticket, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary><see cref="ReleaseAsync"/> without waiting for the disk (see <see cref="Request"/>).</summary>
    public LeaseChangeOutcome Release(LeaseClient client, IPAddress address, out long commitTicket) =>
        Change(table => table.Release(client, address), out commitTicket);

    /// <summary>DHCPDECLINE (RFC 2131 §4.3.3): the address is quarantined.</summary>
    public async ValueTask<LeaseChangeOutcome> DeclineAsync(LeaseClient client, IPAddress address, CancellationToken cancellationToken = default)
    {
        var outcome = Decline(client, address, out var ticket);
        await CommitAsync(ticket, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary><see cref="DeclineAsync"/> without waiting for the disk (see <see cref="Request"/>).</summary>
    public LeaseChangeOutcome Decline(LeaseClient client, IPAddress address, out long commitTicket) =>
        Change(table => table.Decline(client, address), out commitTicket);

    /// <summary>A probe (ping, ARP) found <paramref name="address"/> in use by someone else: quarantined.</summary>
    public async ValueTask<LeaseChangeOutcome> MarkInUseAsync(IPAddress address, CancellationToken cancellationToken = default)
    {
        var outcome = Change(table => table.MarkInUse(address), out var ticket);
        await CommitAsync(ticket, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>
    /// Returns once every change up to <paramref name="commitTicket"/> is on disk (one fsync for all the changes
    /// waiting, group commit); throws <see cref="IOException"/> when the journal cannot be written.
    /// </summary>
    public void Commit(long commitTicket)
    {
        if (commitTicket == 0)
        {
            return;
        }

        _journal.WaitDurable(commitTicket);
        StartCompactionIfDue();
    }

    /// <summary><see cref="Commit"/> without holding the thread while another writer flushes.</summary>
    public async ValueTask CommitAsync(long commitTicket, CancellationToken cancellationToken = default)
    {
        if (commitTicket == 0)
        {
            return;
        }

        await _journal.WaitDurableAsync(commitTicket, cancellationToken).ConfigureAwait(false);
        StartCompactionIfDue();
    }

    /// <summary>Every address that is not free, in address order.</summary>
    public IReadOnlyList<LeaseEntry> Snapshot()
    {
        lock (_gate)
        {
            return _table.Snapshot();
        }
    }

    /// <summary>Rewrites the journal as one record per remembered address; safe while commits go on.</summary>
    public async Task CompactAsync(CancellationToken cancellationToken = default)
    {
        await _journal.CompactAsync(
            () =>
            {
                var records = _table.ToRecords();
                _lastSnapshotRecords = records.Count;
                return records;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private LeaseChangeOutcome Change(Func<LeaseTable, (LeaseChangeOutcome, LeaseRecord?)> change, out long commitTicket)
    {
        lock (_gate)
        {
            var (outcome, record) = change(_table);
            commitTicket = record is { } applied ? _journal.Append(applied) : 0;
            return outcome;
        }
    }

    private void StartCompactionIfDue()
    {
        lock (_gate)
        {
            // After a failed compaction (a nearly full disk takes appends but not a whole copy), not again until as
            // many records more were appended: each try writes the whole table and holds commits meanwhile.
            var due = Math.Max(_compactAfterRecords, 2 * _lastSnapshotRecords);
            if (_recordsAtFailedCompaction > 0)
            {
                due = Math.Max(due, _recordsAtFailedCompaction + _compactAfterRecords);
            }

            if (!_compaction.IsCompleted || _journal.RecordsInFile < due)
            {
                return;
            }

            _compaction = Task.Run(CompactInBackgroundAsync);
        }
    }

    private async Task CompactInBackgroundAsync()
    {
        try
        {
            await CompactAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _recordsAtFailedCompaction = 0;
            }
        }
#pragma warning disable CA1031 // A background compaction that fails is counted; the journal stays valid (LeaseJournal.Rewrite).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _compactionFailures);
            LastCompactionError = ex;
            lock (_gate)
            {
                _recordsAtFailedCompaction = _journal.RecordsInFile;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task compaction;
        lock (_gate)
        {
            compaction = _compaction;
        }

        await compaction.ConfigureAwait(false);
        _journal.Dispose();
    }
}

namespace AltoGateway.Dhcp.Leases;

/// <summary>
/// The append-only lease journal of one interface (format: <see cref="LeaseRecordCodec"/>), with
/// group commit and compaction.
/// <para>
/// Appends are cheap and in memory (<see cref="Append"/>, called under the owner's lock so that the
/// journal's order is the table's order); <see cref="WaitDurableAsync"/> writes whatever is pending
/// and fsyncs it — one writer at a time, so every commit that arrives during an fsync shares the
/// next one. A record is durable once a flush that took it has returned, and so is every record
/// before it (the file is a prefix).
/// </para>
/// <para>
/// Compaction holds the writer slot (no flush meanwhile), takes the table's records and cuts the
/// pending list in one step under the owner's lock, writes them to <c>FILE.tmp</c>, fsyncs, renames
/// it over the journal, fsyncs the directory, and then appends to the new file. The records cut
/// were already applied to the table, so the snapshot holds them; records appended during the
/// compaction stay pending and go to the new file. A crash at any point leaves either the old
/// journal or the new one, each complete for everything acknowledged.
/// </para>
/// <para>
/// A write that fails (disk full, I/O error) leaves the file's tail unknown, so nothing more is
/// appended to it: commits fail (nothing is acknowledged) until a rewrite from the table works,
/// tried at most once per <see cref="RetryAfterFault"/>. The table holds every change, those of the
/// failed write included, so that rewrite makes everything durable and the journal carries on.
/// </para>
/// </summary>
public sealed class LeaseJournal : IDisposable
{
    internal const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _path;
    private readonly Lock _appendLock;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private List<LeaseRecord> _pending = [];
    private long _appended;
    private long _durable;
    private FileStream? _file;
    private ulong _sequence;
    private Exception? _fault;
    private long _faultedAt;
    private Func<List<LeaseRecord>>? _snapshot;
    private bool _disposed;
    private readonly TimeProvider _time;

    /// <summary>How long after a failed write the journal is tried again (rewritten whole).</summary>
    public static readonly TimeSpan RetryAfterFault = TimeSpan.FromSeconds(1);

    /// <param name="appendLock">The owner's lock: <see cref="Append"/> is called holding it, and compaction takes it to cut the pending records.</param>
    internal LeaseJournal(string path, Lock appendLock, TimeProvider time)
    {
        _path = path;
        _appendLock = appendLock;
        _time = time;
    }

    public string Path => _path;

    /// <summary>Records in the file now (the last snapshot plus appends since).</summary>
    public long RecordsInFile => (long)Volatile.Read(ref _sequence);

    /// <summary>fsyncs done, for the metrics (group commit makes it smaller than the commits).</summary>
    public long Flushes { get; private set; }

    /// <summary>Queues <paramref name="record"/>; returns the ticket to wait for. Call holding the owner's lock.</summary>
    internal long Append(LeaseRecord record)
    {
        if (!_appendLock.IsHeldByCurrentThread)
        {
            throw new InvalidOperationException("append under the lock that orders the table's changes");
        }

        _pending.Add(record);
        return ++_appended;
    }

    /// <summary>
    /// Returns once the record of <paramref name="ticket"/> is on disk; throws <see cref="IOException"/> if the journal
    /// cannot be written (then commits fail until a rewrite works, <see cref="RetryAfterFault"/>), and
    /// <see cref="ObjectDisposedException"/> once the journal is closed.
    /// </summary>
    public async ValueTask WaitDurableAsync(long ticket, CancellationToken cancellationToken = default)
    {
        while (Volatile.Read(ref _durable) < ticket)
        {
            await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
            FlushAsWriter(ticket);
        }
    }

    /// <summary>
    /// <see cref="WaitDurableAsync"/> on the calling thread: for a caller that owns its thread (the DHCP socket's
    /// loop), which commits a whole batch of decisions with one call.
    /// </summary>
    public void WaitDurable(long ticket)
    {
        while (Volatile.Read(ref _durable) < ticket)
        {
            _writer.Wait();
            FlushAsWriter(ticket);
        }
    }

    /// <summary>Holding the writer slot: flushes unless another writer already made <paramref name="ticket"/> durable; releases the slot.</summary>
    private void FlushAsWriter(long ticket)
    {
        try
        {
            if (Volatile.Read(ref _durable) < ticket)
            {
                FlushPending();
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Writes <paramref name="snapshot"/> as the whole journal, atomically (the start, and every compaction).</summary>
    /// <param name="snapshot">Called holding the owner's lock: the table's records (<see cref="LeaseTable.ToRecords"/>). Kept to rewrite the journal after a failed write.</param>
    public async Task CompactAsync(Func<List<LeaseRecord>> snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot ??= snapshot;
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Rewrite(snapshot);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Holding the writer slot: the journal rewritten from the table. After it, everything appended so far is
    /// durable, so it is also how a journal whose write failed (its tail unknown) becomes whole again.
    /// </summary>
    private void Rewrite(Func<List<LeaseRecord>> snapshot)
    {
        List<LeaseRecord> records;
        List<LeaseRecord> cutPending;
        long cut;
        lock (_appendLock)
        {
            records = snapshot();
            cut = _appended;
            cutPending = _pending;
            _pending = [];
        }

        var temporary = _path + ".tmp";
        FileStream? file = null;
        var renamed = false;
        try
        {
            file = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.Read, UnixCreateMode = OwnerOnly, BufferSize = 0 });
            file.Write(LeaseRecordCodec.Magic);
            var written = WriteRecords(file, records, 0);
            file.Flush(flushToDisk: true);
            file.Dispose();
            File.Move(temporary, _path, overwrite: true);
            renamed = true;

            // Appends go to the journal by its own name (an error then names the file that exists).
            var appending = new FileStream(_path, new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read, BufferSize = 0 });
            CloseQuietly(_file);
            _file = appending;
            Volatile.Write(ref _sequence, written);
        }
#pragma warning disable CA1031 // Whatever failed, the records cut must not be lost: they go back, or the journal is faulted.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CloseQuietly(file);
            if (renamed)
            {
                // The new file is the journal but cannot be opened to append to: a fault, mended by the next rewrite.
                Fault(ex);
                throw;
            }

            // Before the rename (the commit point) the old journal is as it was: give the cut records back to the
            // next flush, which appends them to it, and carry on without compacting. They go back first: nothing
            // after may fail between the cut and their return.
            lock (_appendLock)
            {
                cutPending.AddRange(_pending);
                _pending = cutPending;
            }

            try
            {
                File.Delete(temporary);
            }
            catch (Exception deleteFailure) when (deleteFailure is IOException or UnauthorizedAccessException)
            {
                // A stray FILE.tmp is deleted at the next start.
            }

            throw;
        }

        try
        {
            DirectorySync.Flush(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_path))!);
        }
        catch (IOException ex)
        {
            // After the rename the new file is the journal, but whether the rename is on disk is unknown.
            Fault(ex);
            throw;
        }

        _fault = null;
        Flushes++;
        Volatile.Write(ref _durable, Math.Max(Volatile.Read(ref _durable), cut));
    }

    private void FlushPending()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_fault is not null)
        {
            RewriteAfterFault();
            return;
        }

        List<LeaseRecord> batch;
        long upTo;
        lock (_appendLock)
        {
            batch = _pending;
            upTo = _appended;
            _pending = [];
        }

        try
        {
            var file = _file ?? throw new InvalidOperationException("the journal is not open: compact it once at start");
            Volatile.Write(ref _sequence, WriteRecords(file, batch, _sequence));
            file.Flush(flushToDisk: true);
        }
#pragma warning disable CA1031 // Whatever failed, the batch cut is neither on disk for sure nor pending: the journal is faulted.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // A failed write leaves the file's tail unknown: nothing more is appended to it. The records are in the
            // table; the next rewrite (RewriteAfterFault) puts them all on disk.
            Fault(ex);
            throw;
        }

        Flushes++;
        Volatile.Write(ref _durable, upTo);
    }

    /// <summary>
    /// A write failed earlier (disk full, I/O error): at most once per <see cref="RetryAfterFault"/>, the journal is
    /// rewritten from the table, which makes everything durable if it works; meanwhile commits fail at once.
    /// </summary>
    private void RewriteAfterFault()
    {
        if (_snapshot is null || _time.GetElapsedTime(_faultedAt) < RetryAfterFault)
        {
            ThrowIfFaulted();
        }

        try
        {
            Rewrite(_snapshot!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fault(ex);
            throw new IOException($"the lease journal {_path} still cannot be written: {ex.Message}", ex);
        }
    }

    private void Fault(Exception exception)
    {
        _fault = exception;
        _faultedAt = _time.GetTimestamp();
    }

    /// <summary>Encodes and writes <paramref name="records"/> numbered after <paramref name="sequence"/>; returns the last number used.</summary>
    private static ulong WriteRecords(FileStream file, List<LeaseRecord> records, ulong sequence)
    {
        var buffer = new byte[Math.Min(64 * 1024, Math.Max(LeaseRecordCodec.MaxLength, records.Count * 40)) + LeaseRecordCodec.MaxLength];
        var used = 0;
        foreach (var record in records)
        {
            if (used + LeaseRecordCodec.MaxLength > buffer.Length)
            {
                file.Write(buffer, 0, used);
                used = 0;
            }

            used += LeaseRecordCodec.Write(record, ++sequence, buffer.AsSpan(used));
        }

        file.Write(buffer, 0, used);
        return sequence;
    }

    private void ThrowIfFaulted()
    {
        if (_fault is { } fault)
        {
            throw new IOException($"the lease journal {_path} failed earlier: {fault.Message}", fault);
        }
    }

    private static void CloseQuietly(FileStream? file)
    {
        try
        {
            file?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unbuffered: nothing is lost by a close that fails.
        }
    }

    /// <summary>Closes the file once no flush is running; a commit after it throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _writer.Wait();
        try
        {
            _disposed = true;
            CloseQuietly(_file);
            _file = null;
        }
        finally
        {
            _writer.Release();
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// One DHCP socket's life: opened (and opened again, 1 s doubling to 60 s, while it cannot be), then served on a
/// thread of its own until the agent stops or the subclass gives the socket up.
/// <para>
/// The thread reads with blocking calls, a batch at a time (<see cref="UdpBatch"/>: recvmmsg), answers each datagram
/// before it reads the next, and sends the replies a batch at a time (sendmmsg) before it waits again: no thread
/// switch and no task per message, which at tens of thousands of messages per second is what the time would go
/// to. Under steady traffic it reads in bursts (<see cref="ModerationInterval"/>).
/// </para>
/// <para>
/// A reply that must wait (a DHCPACK waits for its lease to be on disk) is kept by the subclass; the loop reads on
/// while it may (<see cref="DeferredWaitLeft"/>), then <see cref="SendDeferred"/> commits everything kept with one
/// fsync and sends it. So the busier the socket, the more replies share a commit.
/// </para>
/// <para>
/// Nothing but this thread reads or waits on the socket (sends from another thread are fine): a single
/// asynchronous call would put the socket in non-blocking mode and make every blocking read an emulated one.
/// </para>
/// </summary>
internal abstract class DhcpSocketLoop(TimeProvider time)
{
    /// <summary>How long a blocking read waits before it looks whether the agent is stopping.</summary>
    private const int StopCheckMilliseconds = 250;

    /// <summary>
    /// Receive moderation, as a network card's interrupt moderation: when the socket's queue runs dry twice within
    /// this interval, the thread sleeps this long before reading on, so under steady traffic it wakes about a
    /// thousand times a second, whatever the rate, instead of once per datagram. A millisecond more before an
    /// answer means nothing to a DHCP client (it retransmits after seconds, RFC 2131 §4.1); a quiet socket is read
    /// as soon as a datagram arrives.
    /// </summary>
    private static readonly TimeSpan ModerationInterval = TimeSpan.FromMilliseconds(1);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(60);

    protected TimeProvider Time => time;

    /// <summary>The serving thread's name (<c>top -H</c> shows it; Linux keeps 15 characters).</summary>
    protected abstract string ThreadName { get; }

    /// <summary>Opens the socket; throws <see cref="DhcpSocketException"/> saying why it cannot.</summary>
    protected abstract Socket Open();

    /// <summary>The socket could not be opened: reported, tried again after <paramref name="retryIn"/>.</summary>
    protected abstract void CannotOpen(string reason, TimeSpan retryIn);

    /// <summary>The socket is open and about to be served.</summary>
    protected abstract void Opened(Socket socket);

    /// <summary>
    /// Answers, relays or drops one datagram, on the serving thread; <paramref name="datagram"/> is reused for the
    /// next one. Never throws for bad input.
    /// </summary>
    protected abstract void Handle(Socket socket, ReadOnlyMemory<byte> datagram, IPEndPoint remote, DhcpArrival arrival);

    /// <summary>The serving thread ended with <paramref name="exception"/> (a bug): reported; the socket is opened again after <paramref name="retryIn"/>.</summary>
    protected abstract void ServeFailed(Exception exception, TimeSpan retryIn);

    /// <summary>Handling one datagram threw (a bug): reported; the loop goes on.</summary>
    protected abstract void HandleFailed(IPEndPoint remote, Exception exception);

    /// <summary>A read failed (an ICMP error for an earlier send, the interface gone): true to read on, false to reopen the socket.</summary>
    protected abstract bool ReceiveFailed(SocketException exception);

    /// <summary>Whether replies wait for <see cref="SendDeferred"/>.</summary>
    protected virtual bool HasDeferred => false;

    /// <summary>How much longer the kept replies may wait for more to share their commit; zero or less: not at all.</summary>
    protected virtual TimeSpan DeferredWaitLeft => TimeSpan.Zero;

    /// <summary>Commits and sends the replies kept back; called once they waited <see cref="DeferredWaitLeft"/> out, and before the socket closes.</summary>
    protected virtual void SendDeferred(Socket socket)
    {
    }

    /// <summary>Opens and serves the socket until <paramref name="stoppingToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = Open();
            }
            catch (DhcpSocketException ex)
            {
                CannotOpen(ex.Message, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetry.Ticks));
                continue;
            }

            using (socket)
            {
                delay = FirstRetry;
                Opened(socket);
                try
                {
                    await ServeOnOwnThread(socket, stoppingToken).ConfigureAwait(false);
                    continue;
                }
#pragma warning disable CA1031 // A bug that ends the serving thread must not end DHCP on the interface: reported, then the socket is opened again.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    ServeFailed(ex, delay);
                }
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private Task ServeOnOwnThread(Socket socket, CancellationToken stoppingToken)
    {
        var served = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Serve(socket, stoppingToken);
                served.SetResult();
            }
#pragma warning disable CA1031 // Whatever ends the thread is the caller's to see: the task carries it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                served.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = ThreadName,
        };
        thread.Start();
        return served.Task;
    }

    private void Serve(Socket socket, CancellationToken stoppingToken)
    {
        socket.ReceiveTimeout = StopCheckMilliseconds;
        _batch ??= new UdpBatch();
        var batch = _batch;
        var lastDrained = 0L;
        var drained = true;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (HasDeferred && DeferredWaitLeft <= TimeSpan.Zero)
                {
                    SendDeferred(socket);
                }

                if (!drained && (batch.Queued > 0 || HasDeferred) && !socket.Poll(0, SelectMode.SelectRead))
                {
                    drained = true; // the last batch was full and took the queue's last datagram: nothing waits past it
                }

                if (drained)
                {
                    // The queue is empty: what was answered goes out before the thread waits. Drained again within
                    // the moderation interval: traffic is steady, so collect it for a moment rather than wake for
                    // every datagram (a wake-up costs more than a message). Replies kept for a commit are not kept
                    // past their time either way.
                    FlushSends(socket);
                    var now = Time.GetTimestamp();
                    var steady = Time.GetElapsedTime(lastDrained, now) < ModerationInterval;
                    lastDrained = now;
                    if (steady)
                    {
                        Thread.Sleep(ModerationInterval);
                    }

                    // poll(2) counts whole milliseconds: rounded up, so the wait ends at or after the replies are due.
                    if (HasDeferred && !socket.Poll((int)Math.Ceiling(Math.Max(0, DeferredWaitLeft.TotalMilliseconds)) * 1000, SelectMode.SelectRead))
                    {
                        continue; // due: sent at the top
                    }
                }

                int count;
                try
                {
                    count = batch.Receive(socket);
                }
                catch (SocketException ex)
                {
                    if (!ReceiveFailed(ex))
                    {
                        return;
                    }

                    continue;
                }

                for (var i = 0; i < count; i++)
                {
                    var remote = batch.Source(i);
                    try
                    {
                        if (batch.Truncated(i))
                        {
                            TooLong(remote);
                            continue;
                        }

                        Handle(socket, batch.Datagram(i), remote, batch.Arrival(i));
                    }
#pragma warning disable CA1031 // A bug in answering one message must not stop the socket; it is reported.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        HandleFailed(remote, ex);
                    }
                }

                drained = count < UdpBatch.Capacity;
            }
        }
        finally
        {
            if (HasDeferred)
            {
                SendDeferred(socket);
            }

            FlushSends(socket);
        }
    }

    /// <summary>
    /// Sends <paramref name="datagram"/> to <paramref name="destination"/> with the next batch: before the thread next
    /// waits, or at once when the batch is full. <see cref="Sent"/> reports how it went, with <paramref name="tag"/>.
    /// Only on the serving thread.
    /// </summary>
    protected void Send(Socket socket, ReadOnlySpan<byte> datagram, IPEndPoint destination, string? tag)
    {
        var batch = _batch ?? throw new InvalidOperationException("sends are queued by the serving thread");
        if (batch.TryQueue(datagram, destination, tag))
        {
            return;
        }

        FlushSends(socket);
        if (!batch.TryQueue(datagram, destination, tag))
        {
            // Longer than a batch slot: on its own.
            try
            {
                socket.SendTo(datagram, SocketFlags.None, destination);
                Sent(destination, tag, SocketError.Success);
            }
            catch (SocketException ex)
            {
                Sent(destination, tag, ex.SocketErrorCode);
            }
        }
    }

    /// <summary>A datagram queued by <see cref="Send"/> left (<see cref="SocketError.Success"/>) or was refused by the kernel.</summary>
    protected virtual void Sent(IPEndPoint destination, string? tag, SocketError error)
    {
    }

    /// <summary>A datagram longer than <see cref="UdpBatch.DatagramCapacity"/> arrived: not read, to be counted.</summary>
    protected abstract void TooLong(IPEndPoint remote);

    private void FlushSends(Socket socket)
    {
        if (_batch is { Queued: > 0 } batch)
        {
            batch.Send(socket, _sent ??= Sent);
        }
    }

    private UdpBatch? _batch;
    private Action<IPEndPoint, string?, SocketError>? _sent;
}

using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace AltoGateway.Tests.Shared;

/// <summary>
/// A real Unix datagram socket standing in for systemd's notification socket (sd_notify(3)):
/// pass <see cref="Path"/> as NOTIFY_SOCKET and read what the agent sends, with arrival times.
/// </summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly Channel<Notification> _received = Channel.CreateUnbounded<Notification>();
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-notify-").FullName;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _receiving;

    public NotifySocket()
    {
        Path = System.IO.Path.Combine(_folder, "notify.sock");
        _socket.Bind(new UnixDomainSocketEndPoint(Path));
        _receiving = Task.Run(ReceiveAsync);
    }

    public string Path { get; }

    /// <summary>Every notification received so far, in order.</summary>
    public List<Notification> All { get; } = [];

    /// <summary>Reads notifications until one satisfies <paramref name="match"/>; fails after the timeout.</summary>
    public async Task<Notification> WaitForAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var notification = await _received.Reader.ReadAsync(cancellation.Token);
                All.Add(notification);
                if (match(notification.Text))
                {
                    return notification;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no {what} within {timeout}; received: {string.Join(" | ", All.Select(n => n.Text))}");
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _ = _receiving.ContinueWith(static _ => { }, TaskScheduler.Default);
        Directory.Delete(_folder, recursive: true);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var length = await _socket.ReceiveAsync(buffer, SocketFlags.None);
                await _received.Writer.WriteAsync(new Notification(Encoding.UTF8.GetString(buffer, 0, length), _clock.Elapsed));
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            _received.Writer.TryComplete();
        }
    }

    public sealed record Notification(string Text, TimeSpan At);
}

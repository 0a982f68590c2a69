using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Alto;

/// <summary>
/// What triggers a reload of the built-in ALTO server: SIGHUP (its default action, ending the
/// process, is cancelled) and changes of the configuration file, debounced so that an editor's
/// several writes make one reload. Reloads run one at a time, in the order they were asked.
/// </summary>
internal sealed class AltoReloadService(AltoReloader reloader, AltoConfigurationSource source, TimeProvider time, ILogger<AltoReloadService> logger)
    : BackgroundService
{
    /// <summary>Quiet time after the last file event before the file is read.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private const string SignalTrigger = "SIGHUP";
    private const string FileTrigger = "file change";

    private readonly Channel<string> _triggers = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private PosixSignalRegistration? _signal;
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _signal = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            _triggers.Writer.TryWrite(SignalTrigger);
        });
        if (source.File is { } file)
        {
            _debounce = time.CreateTimer(_ => _triggers.Writer.TryWrite(FileTrigger), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher = TryWatch(file);
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _signal?.Dispose();
        _watcher?.Dispose();
        if (_debounce is not null)
        {
            await _debounce.DisposeAsync().ConfigureAwait(false);
        }

        _triggers.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _signal?.Dispose();
        _watcher?.Dispose();
        _debounce?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var trigger in _triggers.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                _ = trigger == FileTrigger ? reloader.ReloadIfFileChanged(trigger) : reloader.Reload(trigger);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>
    /// Watches the file's folder rather than the file: editors and configuration tools replace the
    /// file by renaming a new one over it, which a watch on the old file would not see.
    /// </summary>
    private FileSystemWatcher? TryWatch(string file)
    {
        var name = Path.GetFileName(file);
        var folder = Path.GetDirectoryName(file)!;
        if (!Directory.Exists(folder))
        {
            // The optional system file, on a box configured by environment alone.
            AltoServerLog.ReloadSignalOnly(logger, folder);
            return null;
        }

        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(folder)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            FileSystemEventHandler changed = (_, e) => OnFileEvent(e.Name, name);
            watcher.Changed += changed;
            watcher.Created += changed;
            watcher.Deleted += changed;
            watcher.Renamed += (_, e) =>
            {
                OnFileEvent(e.Name, name);
                OnFileEvent(e.OldName, name);
            };

            // Events were lost (the kernel's queue overflowed): look at the file anyway; an unchanged one is skipped.
            watcher.Error += (_, _) => OnFileEvent(name, name);
            watcher.EnableRaisingEvents = true;
            AltoServerLog.ReloadWatching(logger, file);
            return watcher;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // No inotify watch left, or no permission.
            watcher?.Dispose();
            AltoServerLog.ReloadCannotWatch(logger, file, ex.Message);
            return null;
        }
    }

    private void OnFileEvent(string? changed, string watched)
    {
        if (string.Equals(changed, watched, StringComparison.Ordinal))
        {
            _debounce?.Change(Debounce, Timeout.InfiniteTimeSpan);
        }
    }
}

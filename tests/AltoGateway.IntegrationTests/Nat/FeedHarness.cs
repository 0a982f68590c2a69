using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AltoGateway.Health;
using AltoGateway.Host.Nat;
using AltoGateway.Nat.Map;
using Microsoft.Extensions.Logging;

namespace AltoGateway.IntegrationTests.Nat;

/// <summary>
/// A <see cref="ConntrackFeed"/> running in the test process against a real NAT map, reading the
/// conntrack table of the router namespace (its socket is opened there: <see cref="ConntrackFeedOptions.NetworkNamespace"/>).
/// Its metrics and log lines are recorded for the assertions.
/// </summary>
internal sealed class FeedHarness : IAsyncDisposable
{
    private readonly TestMeterFactory _meters = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _measurements = new(StringComparer.Ordinal);
    private readonly RecordingLogger _logger = new();
    private readonly ConntrackFeed _feed;

    public FeedHarness(string routerNamespace, int receiveBufferBytes)
        : this(new ConntrackFeedOptions { NetworkNamespace = routerNamespace, ReceiveBufferBytes = receiveBufferBytes }, ConntrackSocket.Open)
    {
    }

    public FeedHarness(ConntrackFeedOptions options, Func<ConntrackFeedOptions, ConntrackSocket> openSocket)
    {
        Map = new NatMap(new NatMapOptions(), TimeProvider.System);
        Health = new HealthRegistry(TimeProvider.System);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, _meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name;
            foreach (var tag in tags)
            {
                key += $"{{{tag.Key}={tag.Value}}}";
            }

            _measurements.AddOrUpdate(key, value, (_, total) => total + value);
        });
        _listener.Start();
        _feed = new ConntrackFeed(Map, Health, _meters, TimeProvider.System, _logger, options, openSocket);
    }

    public NatMap Map { get; }

    public HealthRegistry Health { get; }

    public string Log => string.Join('\n', _logger.Lines);

    /// <summary>The total of a counter, e.g. <c>altogw.conntrack.resyncs{reason=overflow}</c>.</summary>
    public long Counter(string key) => _measurements.GetValueOrDefault(key);

    /// <summary>The health the feed reports for its component.</summary>
    public ComponentHealth Component => Health.Snapshot().Single(c => c.Component == ConntrackFeed.ComponentName);

    /// <summary>Whether the feed's loop ended (it must not, short of being stopped).</summary>
    public bool Ended => _feed.ExecuteTask?.IsCompleted ?? false;

    /// <summary>Starts the feed and waits until its first dump is done.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await StartOnlyAsync(cancellationToken);
        await Until(() => Component.State == HealthState.Ready, TimeSpan.FromSeconds(15), "the conntrack component to be ready", cancellationToken);
    }

    public Task StartOnlyAsync(CancellationToken cancellationToken) => _feed.StartAsync(cancellationToken);

    /// <summary>Polls every 20 ms until the condition holds; fails with the feed's log after the timeout.</summary>
    public Task Until(Func<bool> condition, TimeSpan timeout, string what, CancellationToken cancellationToken) =>
        Until(condition, timeout, () => what, cancellationToken);

    /// <summary>Polls every 20 ms; <paramref name="what"/> is asked at the timeout (it may describe the last state seen).</summary>
    public async Task Until(Func<bool> condition, TimeSpan timeout, Func<string> what, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, $"timed out after {timeout} waiting for {what()}; feed log:\n{Log}");
            await Task.Delay(20, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _feed.StopAsync(CancellationToken.None);
        _feed.Dispose();
        _listener.Dispose();
        _meters.Dispose();
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _created = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _created.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _created)
            {
                meter.Dispose();
            }
        }
    }

    private sealed class RecordingLogger : ILogger<ConntrackFeed>
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {eventId.Id} {formatter(state, exception)}");
    }
}

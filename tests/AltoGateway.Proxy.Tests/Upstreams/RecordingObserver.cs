using System.Collections.Concurrent;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy.Tests.Upstreams;

/// <summary>Writes down what the chain tells its observer, one line per event.</summary>
internal sealed class RecordingObserver : IUpstreamObserver
{
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => [.. _events];

    public void Attempted(string upstream, UpstreamFailure? failure, TimeSpan elapsed) =>
        _events.Enqueue($"{upstream}: {failure?.Kind.ToString() ?? "answer"} after {elapsed.TotalMilliseconds} ms");

    public void SkippedOpenCircuit(string upstream) => _events.Enqueue($"{upstream}: skipped (open)");
}

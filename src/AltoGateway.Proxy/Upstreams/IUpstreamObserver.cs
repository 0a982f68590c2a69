namespace AltoGateway.Proxy.Upstreams;

/// <summary>Told of every upstream attempt, for logs, metrics and health.</summary>
public interface IUpstreamObserver
{
    /// <summary>One request to <paramref name="upstream"/> ended: <paramref name="failure"/> null when it answered.</summary>
    void Attempted(string upstream, UpstreamFailure? failure, TimeSpan elapsed);

    /// <summary><paramref name="upstream"/> was not asked because its circuit is open.</summary>
    void SkippedOpenCircuit(string upstream);
}

using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Proxy;

/// <summary>Log messages of the third-party proxy and its upstreams. Event ids 4100-4199.</summary>
internal static partial class ProxyLog
{
    [LoggerMessage(4100, LogLevel.Information, "Third-party ALTO proxy on the WAN listeners ({Mode} mode): upstreams {Upstreams}")]
    public static partial void Started(ILogger logger, string mode, string upstreams);

    [LoggerMessage(4101, LogLevel.Debug, "Proxy {Resource} from {Tracker}: {Endpoints} endpoints, {Unresolved} unresolved, answered by {Upstream}")]
    public static partial void Answered(ILogger logger, string resource, string tracker, int endpoints, int unresolved, string upstream);

    [LoggerMessage(4102, LogLevel.Information, "Proxy {Resource} from {Tracker} failed with {Status}: {Reason}")]
    public static partial void Failed(ILogger logger, string resource, string tracker, int status, string reason);

    [LoggerMessage(4110, LogLevel.Debug, "Upstream {Upstream} failed ({Kind}) after {Milliseconds} ms: {Message}")]
    public static partial void UpstreamFailed(ILogger logger, string upstream, string kind, long milliseconds, string message);

    [LoggerMessage(4111, LogLevel.Warning, "Upstream {Upstream} is failing: not asked for {Seconds} s (circuit open) after: {LastFailure}")]
    public static partial void CircuitOpened(ILogger logger, string upstream, double seconds, string lastFailure);

    [LoggerMessage(4112, LogLevel.Information, "Upstream {Upstream} answers again (circuit closed)")]
    public static partial void CircuitClosed(ILogger logger, string upstream);

    [LoggerMessage(4113, LogLevel.Information, "Upstream {Upstream} is asked again (circuit half-open: one trial request)")]
    public static partial void CircuitHalfOpen(ILogger logger, string upstream);
}

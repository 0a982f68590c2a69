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

    [LoggerMessage(4120, LogLevel.Information, "Proxy discovery on: own subscribers {AccessDomain}, other networks {Reverse}, asking DNS server {Server}; at most {MaxUpstreams} discovered upstreams kept")]
    public static partial void DiscoveryStarted(ILogger logger, string accessDomain, string reverse, string server, int maxUpstreams);

    [LoggerMessage(4121, LogLevel.Warning, "Proxy discovery is off: {Reason}; the configured upstreams and the built-in server answer every source")]
    public static partial void DiscoveryUnavailable(ILogger logger, string reason);

    [LoggerMessage(4122, LogLevel.Debug, "Discovery for {Subject} found {Uris}")]
    public static partial void Discovered(ILogger logger, string subject, string uris);

    [LoggerMessage(4123, LogLevel.Debug, "Discovery for {Subject} found no ALTO server; the configured upstreams and the built-in server answer")]
    public static partial void NothingDiscovered(ILogger logger, string subject);

    [LoggerMessage(4124, LogLevel.Warning, "Discovery for {Subject} failed ({Reason}); the configured upstreams and the built-in server answer instead, and {Subject} is not looked up again for {Seconds} s")]
    public static partial void DiscoveryFailed(ILogger logger, string subject, string reason, double seconds);

    [LoggerMessage(4125, LogLevel.Information, "Discovery answers again (for {Subject})")]
    public static partial void DiscoveryRecovered(ILogger logger, string subject);

    [LoggerMessage(4126, LogLevel.Debug, "Discovered upstream {Upstream} forgotten to make room (at most {Capacity} are kept)")]
    public static partial void DiscoveredUpstreamEvicted(ILogger logger, string upstream, int capacity);

    [LoggerMessage(4127, LogLevel.Information, "Discovered upstream {Upstream}: circuit {State}")]
    public static partial void DiscoveredCircuit(ILogger logger, string upstream, string state);
}

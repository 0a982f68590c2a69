using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Nat;

/// <summary>Log messages of the conntrack feed. Event ids 3100-3199 (see README, "Logs").</summary>
internal static partial class ConntrackLog
{
    [LoggerMessage(3100, LogLevel.Information, "conntrack feed: following conntrack events{Namespace} (receive buffer {ReceiveBufferBytes} bytes)")]
    public static partial void Listening(ILogger logger, string @namespace, int receiveBufferBytes);

    [LoggerMessage(3101, LogLevel.Information, "conntrack {Reason} dump done: {Flows} source-NATed flows, {Removed} stale mappings removed, in {ElapsedMs} ms")]
    public static partial void Resynchronised(ILogger logger, string reason, int flows, int removed, long elapsedMs);

    [LoggerMessage(3102, LogLevel.Warning, "conntrack events lost: the kernel reported ENOBUFS (receive buffer of {ReceiveBufferBytes} bytes full; {Overflows} times so far); resynchronising with a new dump (raise the feed's ReceiveBufferBytes if this repeats)")]
    public static partial void EventsLost(ILogger logger, int receiveBufferBytes, long overflows);

    [LoggerMessage(3103, LogLevel.Warning, "conntrack feed unavailable: {Reason}; retrying in {Delay}")]
    public static partial void Unavailable(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(3104, LogLevel.Warning, "Malformed conntrack netlink message skipped ({Error}, netlink type 0x{Type:x4}); {Count} so far")]
    public static partial void Malformed(ILogger logger, string error, ushort type, long count);

    [LoggerMessage(3105, LogLevel.Information, "conntrack feed disabled by configuration (Enabled: false)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(3106, LogLevel.Debug, "Netlink error {Errno} for request type 0x{Type:x4} sequence {Sequence} ignored")]
    public static partial void UnrelatedError(ILogger logger, int errno, ushort type, uint sequence);

    [LoggerMessage(3107, LogLevel.Debug, "conntrack dump {Sequence} was interrupted by table changes; another dump follows")]
    public static partial void DumpInterrupted(ILogger logger, uint sequence);

    [LoggerMessage(3108, LogLevel.Information, "conntrack feed available again after {Failures} failed attempts")]
    public static partial void Recovered(ILogger logger, int failures);
}

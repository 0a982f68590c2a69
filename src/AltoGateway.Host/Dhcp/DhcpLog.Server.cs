using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Dhcp;

/// <summary>Log messages of DHCPv4 server mode: event ids 6020-6049.</summary>
internal static partial class DhcpLog
{
    [LoggerMessage(6020, LogLevel.Information, "DHCPv4 server on {Interface}: {Subnet}, server address {Server}, {PoolSize} addresses to hand out, {Bound} leases bound, journal {Journal} ({Records} records read)")]
    public static partial void ServerStarted(ILogger logger, string @interface, string subnet, string server, int poolSize, int bound, string journal, int records);

    [LoggerMessage(6021, LogLevel.Warning, "DHCPv4 lease journal of {Interface} was damaged at its end ({Problem}): the records before it were kept, {Skipped} outside the subnet dropped")]
    public static partial void JournalLoadProblem(ILogger logger, string @interface, string problem, int skipped);

    [LoggerMessage(6022, LogLevel.Error, "DHCPv4 server on {Interface} cannot start: {Reason}; its DHCPv4 messages are not answered")]
    public static partial void ServerNotStarted(ILogger logger, string @interface, string reason);

    [LoggerMessage(6023, LogLevel.Error, "DHCPv4 lease journal of {Interface} cannot be written: {Error}; the {Replies} replies waiting for it were not sent (their clients will try again)")]
    public static partial void JournalWriteFailed(ILogger logger, string @interface, int replies, string error);

    [LoggerMessage(6024, LogLevel.Information, "DHCPv4 lease journal of {Interface} is written again")]
    public static partial void JournalRecovered(ILogger logger, string @interface);

    [LoggerMessage(6025, LogLevel.Warning, "DHCPv4 pool of {Interface} is exhausted: no address to offer {Client}{HeldBack}")]
    public static partial void PoolExhausted(ILogger logger, string @interface, string client, string heldBack);

    [LoggerMessage(6026, LogLevel.Debug, "DHCPv4 {Type} of {Address} to {Client} on {Interface}")]
    public static partial void Leased(ILogger logger, string type, string address, string client, string @interface);

    [LoggerMessage(6027, LogLevel.Warning, "DHCPv4 client {Client} on {Interface} declined {Address} (in use by someone else): quarantined")]
    public static partial void Declined(ILogger logger, string client, string @interface, string address);

    [LoggerMessage(6028, LogLevel.Information, "DHCPv4 server on {Interface} stopped; leases are in {Journal}")]
    public static partial void ServerStopped(ILogger logger, string @interface, string journal);
}

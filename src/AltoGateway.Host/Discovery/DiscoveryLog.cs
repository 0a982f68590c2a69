using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Discovery;

/// <summary>Log messages of the discovery DNS responder. Event ids 5000-5099 (see README, "Logs").</summary>
internal static partial class DiscoveryLog
{
    [LoggerMessage(5000, LogLevel.Information, "Discovery DNS responder answering on {Endpoints} (UDP and TCP)")]
    public static partial void Listening(ILogger logger, string endpoints);

    [LoggerMessage(5001, LogLevel.Information, "Discovery zone {Apex} (SOA serial {Serial}): NAPTR to {Uris}{Reverse}")]
    public static partial void Zone(ILogger logger, string apex, uint serial, string uris, string reverse);

    [LoggerMessage(5002, LogLevel.Information, "Discovery DNS responder disabled by configuration (Discovery:Enabled is false)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(5003, LogLevel.Error, "Discovery DNS responder cannot listen on {Endpoint} ({Transport}): {Reason}")]
    public static partial void CannotListen(ILogger logger, string endpoint, string transport, string reason);

    [LoggerMessage(5010, LogLevel.Information, "Malformed DNS message from {Remote} over {Transport} ({Length} octets): {Outcome}{HeldBack}")]
    public static partial void Malformed(ILogger logger, string remote, string transport, int length, string outcome, string heldBack);

    [LoggerMessage(5011, LogLevel.Warning, "DNS TCP connection from {Remote} closed at once: {Limit} connections are open (Discovery:MaxTcpConnections){HeldBack}")]
    public static partial void TcpConnectionRefused(ILogger logger, string remote, int limit, string heldBack);

    [LoggerMessage(5012, LogLevel.Error, "DNS message from {Remote} over {Transport} not answered: {Message}")]
    public static partial void AnswerFailed(ILogger logger, string remote, string transport, string message);

    [LoggerMessage(5013, LogLevel.Warning, "DNS {Transport} socket on {Endpoint} failed: {Message}; going on")]
    public static partial void SocketError(ILogger logger, string transport, string endpoint, string message);
}

using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Dhcp;

/// <summary>Log messages of the DHCP transport and responders. Event ids 6000-6099 (see README, "Logs").</summary>
internal static partial class DhcpLog
{
    [LoggerMessage(6000, LogLevel.Information, "DHCP on {Interface} ({Role}): DHCPv4 {V4Mode}, DHCPv6 {V6Mode}")]
    public static partial void Interface(ILogger logger, string @interface, string role, string v4Mode, string v6Mode);

    [LoggerMessage(6001, LogLevel.Information, "DHCP disabled by configuration (no interface with a mode in Dhcp:Interfaces)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(6002, LogLevel.Information, "DHCP options: access domain {AccessDomain}, directory URI {DirectoryUri} in option {UriOption} and enterprise {Enterprise}, peer IDs {PeerIds}, {When}")]
    public static partial void AltoOptions(ILogger logger, string accessDomain, string directoryUri, int uriOption, uint enterprise, string peerIds, string when);

    [LoggerMessage(6003, LogLevel.Information, "DHCP{Version} listening on {Interface} ({Endpoint})")]
    public static partial void Listening(ILogger logger, string version, string @interface, string endpoint);

    [LoggerMessage(6004, LogLevel.Error, "DHCP{Version} cannot listen on {Interface}: {Reason}; trying again in {Delay}")]
    public static partial void CannotListen(ILogger logger, string version, string @interface, string reason, TimeSpan delay);

    [LoggerMessage(6005, LogLevel.Information, "DHCPv6 server DUID {Duid} ({Source})")]
    public static partial void ServerDuid(ILogger logger, string duid, string source);

    [LoggerMessage(6006, LogLevel.Warning, "DHCPv6 server DUID cannot be kept: {Reason}; this run uses {Duid}, and clients will see a new one after a restart")]
    public static partial void ServerDuidNotKept(ILogger logger, string reason, string duid);

    [LoggerMessage(6010, LogLevel.Information, "Malformed DHCP{Version} message from {Remote} on {Interface} ({Length} octets): {Failure}{HeldBack}")]
    public static partial void Malformed(ILogger logger, string version, string remote, string @interface, int length, string failure, string heldBack);

    [LoggerMessage(6011, LogLevel.Debug, "DHCP{Version} {Type} from {Remote} on {Interface} not answered: {Reason}")]
    public static partial void NotAnswered(ILogger logger, string version, string type, string remote, string @interface, string reason);

    [LoggerMessage(6012, LogLevel.Warning, "DHCP{Version} client {Client} on {Interface} sends too fast (Dhcp:RateLimit); its messages are dropped{HeldBack}")]
    public static partial void RateLimited(ILogger logger, string version, string client, string @interface, string heldBack);

    [LoggerMessage(6013, LogLevel.Debug, "DHCP{Version} {Type} to {Destination} on {Interface}")]
    public static partial void Replied(ILogger logger, string version, string type, string destination, string @interface);

    [LoggerMessage(6014, LogLevel.Warning, "DHCP{Version} socket on {Interface} failed: {Message}; going on")]
    public static partial void SocketError(ILogger logger, string version, string @interface, string message);

    [LoggerMessage(6015, LogLevel.Error, "DHCP{Version} message from {Remote} on {Interface} not answered: {Message}")]
    public static partial void AnswerFailed(ILogger logger, string version, string remote, string @interface, string message);

    [LoggerMessage(6017, LogLevel.Debug, "DHCPv4 {Type} to {Remote} on {Interface}: {LeftOut} options left out to fit the client's {Limit} octets")]
    public static partial void OptionsLeftOut(ILogger logger, string type, string remote, string @interface, int leftOut, int limit);

    [LoggerMessage(6016, LogLevel.Warning, "DHCPv4 on {Interface} has no IPv4 address to answer from (server identifier, RFC 2132 §9.7){HeldBack}")]
    public static partial void NoServerAddress(ILogger logger, string @interface, string heldBack);
}

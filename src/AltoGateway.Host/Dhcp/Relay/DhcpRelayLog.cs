using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Dhcp.Relay;

/// <summary>Log messages of the DHCPv4 relay. Event ids 6050-6069 (see README, "Logs").</summary>
internal static partial class DhcpRelayLog
{
    [LoggerMessage(6050, LogLevel.Information, "DHCPv4 relay on {Interface} toward {Servers}; option 82 {Option82}; circuit {Trust}")]
    public static partial void Circuit(ILogger logger, string @interface, string servers, string option82, string trust);

    [LoggerMessage(6051, LogLevel.Information, "DHCPv4 relay uplink listening on {Endpoint} (no device: server replies to giaddr arrive on any interface)")]
    public static partial void UplinkListening(ILogger logger, string endpoint);

    [LoggerMessage(6052, LogLevel.Error, "DHCPv4 relay uplink cannot listen: {Reason}; trying again in {Delay}")]
    public static partial void UplinkCannotListen(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(6053, LogLevel.Debug, "DHCPv4 {Type} from {Client} on {Interface} relayed to {Server} (giaddr {GatewayAddress}, hops {Hops})")]
    public static partial void RequestRelayed(ILogger logger, string type, string client, string @interface, string server, string gatewayAddress, int hops);

    [LoggerMessage(6054, LogLevel.Debug, "DHCPv4 {Type} from server {Server} relayed to {Destination} on {Interface}")]
    public static partial void ReplyRelayed(ILogger logger, string type, string server, string destination, string @interface);

    [LoggerMessage(6055, LogLevel.Information, "DHCPv4 {Type} from {Remote} not relayed: {Reason}{HeldBack}")]
    public static partial void NotRelayed(ILogger logger, string type, string remote, string reason, string heldBack);

    [LoggerMessage(6056, LogLevel.Warning, "DHCPv4 relay uplink socket failed: {Message}; going on")]
    public static partial void UplinkSocketError(ILogger logger, string message);

    [LoggerMessage(6057, LogLevel.Error, "DHCPv4 reply from {Remote} not relayed: {Message}")]
    public static partial void ReplyFailed(ILogger logger, string remote, string message);
}

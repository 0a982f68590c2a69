using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Hosting;

/// <summary>Log messages of the host. Event ids 1000-1999 belong to the host (see README, "Logs").</summary>
internal static partial class HostLog
{
    [LoggerMessage(1000, LogLevel.Information, "AltoGateway {Version} serving: LAN {LanUrls}; WAN {WanUrls}")]
    public static partial void Serving(ILogger logger, string version, string lanUrls, string wanUrls);

    [LoggerMessage(1001, LogLevel.Information, "Component {Component} is {State}{Reason}")]
    public static partial void ComponentChanged(ILogger logger, string component, string state, string reason);

    [LoggerMessage(1010, LogLevel.Information, "systemd watchdog enabled: pinging every {Interval}")]
    public static partial void WatchdogEnabled(ILogger logger, TimeSpan interval);

    [LoggerMessage(1011, LogLevel.Warning, "systemd watchdog: WATCHDOG_USEC '{Value}' is not a positive number of microseconds; no pings will be sent")]
    public static partial void WatchdogValueInvalid(ILogger logger, string value);

    [LoggerMessage(1012, LogLevel.Error, "systemd watchdog pings withheld: component {Component} failed ({Reason}); systemd will restart the agent")]
    public static partial void WatchdogWithheld(ILogger logger, string component, string reason);

    [LoggerMessage(1013, LogLevel.Information, "systemd watchdog pings resumed: no component is failed any more")]
    public static partial void WatchdogResumed(ILogger logger);

    [LoggerMessage(1014, LogLevel.Debug, "Not started by systemd (no NOTIFY_SOCKET): no READY/STATUS/WATCHDOG notifications")]
    public static partial void NotUnderSystemd(ILogger logger);
}

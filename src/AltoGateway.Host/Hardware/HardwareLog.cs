using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Hardware;

/// <summary>Log messages of the status LEDs. Event ids 7000-7999 belong to hardware (see README, "Logs").</summary>
internal static partial class HardwareLog
{
    [LoggerMessage(7000, LogLevel.Information, "Status LEDs: board {Board}, {Driver}")]
    public static partial void Opened(ILogger logger, string board, string driver);

    [LoggerMessage(7001, LogLevel.Warning, "Status LEDs cannot be lit: {Reason}. The LED patterns go to this log instead (component leds degraded)")]
    public static partial void FellBackToConsole(ILogger logger, string reason);

    [LoggerMessage(7002, LogLevel.Information, "LED {Role}: {Pattern}")]
    public static partial void Pattern(ILogger logger, string role, string pattern);

    [LoggerMessage(7003, LogLevel.Debug, "LED {Role}: {Pattern}")]
    public static partial void ActivityPattern(ILogger logger, string role, string pattern);

    [LoggerMessage(7004, LogLevel.Error, "Status LEDs failed while running ({Driver}): {Reason}. The LED patterns go to this log instead (component leds degraded)")]
    public static partial void DriverFailed(ILogger logger, string driver, string reason);

    [LoggerMessage(7005, LogLevel.Information, "Status LEDs: {How}; power {Power}, upstream {Upstream}, fault {Fault}")]
    public static partial void Stopping(ILogger logger, string how, string power, string upstream, string fault);
}

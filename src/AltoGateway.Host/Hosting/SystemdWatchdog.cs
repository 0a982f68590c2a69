using System.Globalization;

namespace AltoGateway.Host.Hosting;

/// <summary>
/// The watchdog systemd asked for (sd_watchdog_enabled(3)): <c>WATCHDOG_USEC</c>, honoured only
/// when <c>WATCHDOG_PID</c> is absent or names this process. systemd sends nothing by itself;
/// the agent pings at half the timeout, as sd_notify(3) recommends.
/// </summary>
internal sealed record SystemdWatchdog(TimeSpan Timeout)
{
    public TimeSpan PingInterval => Timeout / 2;

    /// <summary>The watchdog of the environment, or null when none was asked for or the value is unusable.</summary>
    public static SystemdWatchdog? FromEnvironment(Func<string, string?> environment, int processId, out string? invalidValue)
    {
        invalidValue = null;
        var usec = environment("WATCHDOG_USEC");
        if (string.IsNullOrEmpty(usec))
        {
            return null;
        }

        var pid = environment("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(pid) && pid != processId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        if (!long.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out var microseconds) || microseconds <= 0)
        {
            invalidValue = usec;
            return null;
        }

        return new SystemdWatchdog(TimeSpan.FromMicroseconds(microseconds));
    }
}

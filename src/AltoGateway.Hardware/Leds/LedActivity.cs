namespace AltoGateway.Hardware.Leds;

/// <summary>
/// Where transactions (ALTO requests, DHCP exchanges) report themselves: each may flash the
/// activity LED, at most once per the limiter's interval. Counts flashes and transactions that
/// were not shown.
/// </summary>
public sealed class LedActivity(LedPatternRunner runner, ActivityFlashLimiter limiter)
{
    private long _flashes;
    private long _suppressed;
    private volatile bool _stopped;

    public long Flashes => Interlocked.Read(ref _flashes);

    public long Suppressed => Interlocked.Read(ref _suppressed);

    /// <summary>One transaction happened.</summary>
    public void Pulse()
    {
        if (_stopped)
        {
            return;
        }

        if (limiter.TryFlash())
        {
            Interlocked.Increment(ref _flashes);
            runner.Show(LedRole.Activity, LedPattern.Flash);
        }
        else
        {
            Interlocked.Increment(ref _suppressed);
        }
    }

    /// <summary>After a stop no transaction lights the LED again.</summary>
    public void Stop() => _stopped = true;
}

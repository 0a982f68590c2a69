namespace AltoGateway.Hardware.Leds;

/// <summary>
/// Whether a pattern lights its LED at a moment, counted from when the pattern began, and when
/// that changes next. Blinks begin with their lit half, so a change is visible at once.
/// </summary>
public static class LedPatternTiming
{
    /// <summary>Slow blink: 1 Hz, half on (degraded, starting).</summary>
    public static readonly TimeSpan SlowHalfPeriod = TimeSpan.FromMilliseconds(500);

    /// <summary>Fast blink: 4 Hz, half on (a failed component).</summary>
    public static readonly TimeSpan FastHalfPeriod = TimeSpan.FromMilliseconds(125);

    /// <summary>How long the activity flash is lit.</summary>
    public static readonly TimeSpan FlashOn = TimeSpan.FromMilliseconds(50);

    /// <summary>The level at <paramref name="elapsed"/> and the time after the start of the next change (null: never).</summary>
    public static (bool On, TimeSpan? NextChange) At(LedPattern pattern, TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(elapsed, TimeSpan.Zero);
        return pattern switch
        {
            LedPattern.Off => (false, null),
            LedPattern.On => (true, null),
            LedPattern.SlowBlink => Blink(SlowHalfPeriod, elapsed),
            LedPattern.FastBlink => Blink(FastHalfPeriod, elapsed),
            LedPattern.Flash => elapsed < FlashOn ? (true, FlashOn) : (false, null),
            _ => throw new ArgumentOutOfRangeException(nameof(pattern)),
        };
    }

    private static (bool On, TimeSpan? NextChange) Blink(TimeSpan half, TimeSpan elapsed)
    {
        var halves = elapsed.Ticks / half.Ticks;
        return (halves % 2 == 0, TimeSpan.FromTicks((halves + 1) * half.Ticks));
    }
}

namespace AltoGateway.Hardware.Leds;

/// <summary>How an LED lights; timings in <see cref="LedPatternTiming"/>.</summary>
public enum LedPattern
{
    Off,
    On,
    SlowBlink,
    FastBlink,

    /// <summary>One short flash, then off (the activity LED).</summary>
    Flash,
}

/// <summary>The names patterns have in logs, the trace and <c>/status</c>.</summary>
public static class LedPatterns
{
    public static string Name(this LedPattern pattern) => pattern switch
    {
        LedPattern.Off => "off",
        LedPattern.On => "on",
        LedPattern.SlowBlink => "slow-blink",
        LedPattern.FastBlink => "fast-blink",
        LedPattern.Flash => "flash",
        _ => throw new ArgumentOutOfRangeException(nameof(pattern)),
    };
}

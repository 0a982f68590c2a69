using AltoGateway.Hardware.Leds;

namespace AltoGateway.Hardware.Tests.Leds;

public sealed class LedPatternTimingTests
{
    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Theory]
    [InlineData(LedPattern.SlowBlink, 0, true, 500)]
    [InlineData(LedPattern.SlowBlink, 499, true, 500)]
    [InlineData(LedPattern.SlowBlink, 500, false, 1000)]
    [InlineData(LedPattern.SlowBlink, 1000, true, 1500)]
    [InlineData(LedPattern.FastBlink, 0, true, 125)]
    [InlineData(LedPattern.FastBlink, 125, false, 250)]
    [InlineData(LedPattern.FastBlink, 260, true, 375)]
    [InlineData(LedPattern.Flash, 0, true, 50)]
    [InlineData(LedPattern.Flash, 49, true, 50)]
    public void Blinks_and_flashes_change_at_exact_times(LedPattern pattern, int elapsedMs, bool on, int nextMs)
    {
        Assert.Equal((on, (TimeSpan?)Ms(nextMs)), LedPatternTiming.At(pattern, Ms(elapsedMs)));
    }

    [Theory]
    [InlineData(LedPattern.On, true)]
    [InlineData(LedPattern.Off, false)]
    public void Steady_patterns_never_change(LedPattern pattern, bool on)
    {
        Assert.Equal((on, (TimeSpan?)null), LedPatternTiming.At(pattern, Ms(0)));
        Assert.Equal((on, (TimeSpan?)null), LedPatternTiming.At(pattern, TimeSpan.FromDays(3)));
    }

    [Fact]
    public void A_flash_ends_dark_for_good()
    {
        Assert.Equal((false, (TimeSpan?)null), LedPatternTiming.At(LedPattern.Flash, Ms(50)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LedPatternTiming.At(LedPattern.On, Ms(-1)));
    }
}

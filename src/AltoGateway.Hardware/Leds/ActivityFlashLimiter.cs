namespace AltoGateway.Hardware.Leds;

/// <summary>
/// At most one activity flash per <see cref="MinInterval"/>: under a load test the LED flickers
/// at a steady rate instead of staying lit, and the flashes stay countable by eye.
/// </summary>
public sealed class ActivityFlashLimiter
{
    public static readonly TimeSpan DefaultMinInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private long _lastFlash;
    private bool _flashed;

    public ActivityFlashLimiter(TimeProvider time, TimeSpan minInterval)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(minInterval, LedPatternTiming.FlashOn * 2);
        _time = time;
        MinInterval = minInterval;
    }

    public TimeSpan MinInterval { get; }

    /// <summary>Whether a transaction now may flash; false while the last flash is too recent.</summary>
    public bool TryFlash()
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (_flashed && _time.GetElapsedTime(_lastFlash, now) < MinInterval)
            {
                return false;
            }

            _flashed = true;
            _lastFlash = now;
            return true;
        }
    }
}

using AltoGateway.Hardware.Drivers;

namespace AltoGateway.Hardware.Leds;

/// <summary>
/// Runs each role's pattern on an <see cref="ILedDriver"/>: writes a level whenever the pattern
/// changes it, on one timer from <see cref="TimeProvider"/> set to the next change of any LED.
/// A driver that throws (a sysfs file gone, a GPIO line taken away) is not written to again;
/// <see cref="DriverFailed"/> tells the owner, which may hand over another driver.
/// </summary>
public sealed class LedPatternRunner : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly Slot[] _slots;
    private ILedDriver _driver;
    private bool _driverFailed;
    private bool _disposed;

    public LedPatternRunner(ILedDriver driver, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(time);
        _driver = driver;
        _time = time;
        var now = time.GetUtcNow();
        _slots = [.. LedRoles.All.Select(role => new Slot(role, now))];
        _timer = time.CreateTimer(static state => ((LedPatternRunner)state!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            foreach (var slot in _slots)
            {
                Drive(slot, announce: true, force: true);
            }
        }
    }

    /// <summary>Raised once when the driver throws; it is not written to afterwards.</summary>
    public event EventHandler<Exception>? DriverFailed;

    public string DriverDescription
    {
        get
        {
            lock (_gate)
            {
                return _driver.Description;
            }
        }
    }

    /// <summary>Starts a pattern; the same steady pattern again changes nothing, a flash starts again.</summary>
    public void Show(LedRole role, LedPattern pattern)
    {
        Exception? failure;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var slot = _slots[(int)role];
            if (slot.Pattern == pattern && pattern != LedPattern.Flash)
            {
                return;
            }

            slot.Pattern = pattern;
            slot.Since = _time.GetUtcNow();
            Drive(slot, announce: true, force: false);
            failure = Reschedule();
        }

        RaiseIfFailed(failure);
    }

    /// <summary>Hands the LEDs to another driver (the console after a failure), showing the current patterns on it.</summary>
    public void ReplaceDriver(ILedDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ILedDriver previous;
        Exception? failure;
        lock (_gate)
        {
            previous = _driver;
            _driver = driver;
            _driverFailed = false;
            foreach (var slot in _slots)
            {
                Drive(slot, announce: true, force: true);
            }

            failure = Reschedule();
        }

        DisposeQuietly(previous);
        RaiseIfFailed(failure);
    }

    /// <summary>Every role's pattern and level now.</summary>
    public IReadOnlyList<LedState> Snapshot()
    {
        lock (_gate)
        {
            return [.. _slots.Select(s => new LedState(s.Role, s.Pattern, s.Lit, s.Since, _driver.Has(s.Role)))];
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer.Dispose();
        }

        DisposeQuietly(_driver);
    }

    private void Tick()
    {
        Exception? failure;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetUtcNow();
            foreach (var slot in _slots)
            {
                var (_, next) = LedPatternTiming.At(slot.Pattern, now - slot.Since);
                if (slot.Pattern == LedPattern.Flash && next is null)
                {
                    // A flash that is over leaves the LED off, as a pattern of its own.
                    slot.Pattern = LedPattern.Off;
                    slot.Since = now;
                    Drive(slot, announce: true, force: false);
                }
                else
                {
                    Drive(slot, announce: false, force: false);
                }
            }

            failure = Reschedule();
        }

        RaiseIfFailed(failure);
    }

    /// <summary>Writes the slot's level now (when it changed, or always with <paramref name="force"/>).</summary>
    private void Drive(Slot slot, bool announce, bool force)
    {
        var (lit, _) = LedPatternTiming.At(slot.Pattern, _time.GetUtcNow() - slot.Since);
        var changed = lit != slot.Lit;
        slot.Lit = lit;
        if (_driverFailed || !_driver.Has(slot.Role))
        {
            return;
        }

        try
        {
            if (announce)
            {
                _driver.ShowPattern(slot.Role, slot.Pattern);
            }

            if (changed || force)
            {
                _driver.Write(slot.Role, lit);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            _driverFailed = true;
            slot.Failure = ex;
        }
    }

    /// <summary>Sets the timer to the next level change of any LED; returns a driver failure to report outside the lock.</summary>
    private Exception? Reschedule()
    {
        var now = _time.GetUtcNow();
        TimeSpan? due = null;
        Exception? failure = null;
        foreach (var slot in _slots)
        {
            if (slot.Failure is not null)
            {
                failure = slot.Failure;
                slot.Failure = null;
            }

            var elapsed = now - slot.Since;
            var (_, next) = LedPatternTiming.At(slot.Pattern, elapsed);
            if (next is { } change && (due is null || change - elapsed < due))
            {
                due = change - elapsed;
            }
        }

        _timer.Change(due ?? Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return failure;
    }

    private void RaiseIfFailed(Exception? failure)
    {
        if (failure is not null)
        {
            DriverFailed?.Invoke(this, failure);
        }
    }

    private static void DisposeQuietly(ILedDriver driver)
    {
        try
        {
            driver.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Releasing LEDs that are already gone: nothing left to do.
        }
    }

    private sealed class Slot(LedRole role, DateTimeOffset since)
    {
        public LedRole Role { get; } = role;

        public LedPattern Pattern { get; set; } = LedPattern.Off;

        public DateTimeOffset Since { get; set; } = since;

        public bool Lit { get; set; }

        public Exception? Failure { get; set; }
    }
}

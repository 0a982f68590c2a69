using System.Device.Gpio;
using AltoGateway.Hardware.Drivers;
using AltoGateway.Hardware.Leds;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Hardware.Tests;

/// <summary>
/// Four LEDs on a simulated GPIO chip on a fake clock, wired like the Pi boards (power 17, upstream
/// 27, activity 22, fault 23), the fault LED active-low; and the runner driving them.
/// </summary>
internal sealed class SimulatedBoard : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<LedRole, GpioLed> Leds = new Dictionary<LedRole, GpioLed>
    {
        [LedRole.Power] = new(17, ActiveLow: false),
        [LedRole.Upstream] = new(27, ActiveLow: false),
        [LedRole.Activity] = new(22, ActiveLow: false),
        [LedRole.Fault] = new(23, ActiveLow: true),
    };

    public SimulatedBoard()
    {
        Chip = new SimulatedGpioDriver(28, Time);
        Runner = new LedPatternRunner(new GpioLedDriver(Chip, Leds, "gpio: simulated"), Time);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public SimulatedGpioDriver Chip { get; }

    public LedPatternRunner Runner { get; }

    /// <summary>
    /// Moves the clock a millisecond at a time: FakeTimeProvider runs a due timer with the clock
    /// already at the end of the step, so small steps make each change happen at its own time.
    /// </summary>
    public void Advance(TimeSpan span) => AdvanceInSteps(Time, span);

    public static void AdvanceInSteps(FakeTimeProvider time, TimeSpan span)
    {
        for (var left = span; left > TimeSpan.Zero; left -= TimeSpan.FromMilliseconds(1))
        {
            time.Advance(left < TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1));
        }
    }

    /// <summary>The writes to one line after <paramref name="skip"/> writes of the whole chip, as (milliseconds since start, level).</summary>
    public List<(int Ms, int Level)> WritesTo(int line, int skip = 0) =>
        [.. Chip.Writes.Skip(skip).Where(w => w.Line == line).Select(w => ((int)(w.At - Start).TotalMilliseconds, w.Value == PinValue.High ? 1 : 0))];

    public void Dispose() => Runner.Dispose();
}

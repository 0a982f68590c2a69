using System.Device.Gpio;
using System.Globalization;
using AltoGateway.Hardware.Leds;

namespace AltoGateway.Hardware.Drivers;

/// <summary>
/// The emulated CI board: the GPIO LED driver on a <see cref="SimulatedGpioDriver"/>, so the same
/// code that lights a Pi's LEDs (polarity included) runs in the arm64 build under qemu. Every
/// pattern change and every line write goes to a trace file, one line each, seconds since start:
/// <code>
/// 0.412 pattern power slow-blink
/// 0.412 level power on gpio17=1
/// 9.020 level fault on gpio22=0      (an active-low LED: lit by driving the line low)
/// 12.003 closed
/// </code>
/// </summary>
public sealed class EmulatedBoardLedDriver : ILedDriver
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly StreamWriter? _trace;
    private readonly Dictionary<int, (LedRole Role, GpioLed Led)> _byLine;
    private readonly SimulatedGpioDriver _chip;
    private readonly GpioLedDriver _gpio;
    private bool _closed;

    /// <param name="traceFile">Where the trace goes (created afresh); null: no trace.</param>
    public EmulatedBoardLedDriver(IReadOnlyDictionary<LedRole, GpioLed> leds, int lineCount, TimeProvider time, string? traceFile)
    {
        ArgumentNullException.ThrowIfNull(leds);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _started = time.GetTimestamp();
        _byLine = leds.ToDictionary(p => p.Value.Line, p => (p.Key, p.Value));
        if (traceFile is not null)
        {
            _trace = new StreamWriter(new FileStream(traceFile, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }

        _chip = new SimulatedGpioDriver(lineCount, time);
        _chip.Written += OnLineWritten;
        Description = traceFile is null ? "emulated: simulated GPIO chip" : $"emulated: simulated GPIO chip, trace {traceFile}";
        try
        {
            _gpio = new GpioLedDriver(_chip, leds, Description);
        }
        catch
        {
            _trace?.Dispose();
            throw;
        }
    }

    public string Description { get; }

    /// <summary>The simulated chip, whose writes the trace shows.</summary>
    public SimulatedGpioDriver Chip => _chip;

    public bool Has(LedRole role) => _gpio.Has(role);

    public void ShowPattern(LedRole role, LedPattern pattern) => Trace($"pattern {role.Name()} {pattern.Name()}");

    public void Write(LedRole role, bool lit) => _gpio.Write(role, lit);

    public void Dispose()
    {
        _gpio.Dispose();
        Trace("closed");
        lock (_gate)
        {
            _closed = true;
            _trace?.Dispose();
        }
    }

    private void OnLineWritten(GpioWrite write)
    {
        if (_byLine.TryGetValue(write.Line, out var owner))
        {
            var lit = GpioLedDriver.Level(owner.Led, lit: true) == write.Value;
            Trace($"level {owner.Role.Name()} {(lit ? "on" : "off")} gpio{write.Line}={(write.Value == PinValue.High ? 1 : 0)}");
        }
    }

    private void Trace(string what)
    {
        if (_trace is null)
        {
            return;
        }

        var seconds = _time.GetElapsedTime(_started).TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            if (!_closed)
            {
                _trace.WriteLine($"{seconds} {what}");
            }
        }
    }
}

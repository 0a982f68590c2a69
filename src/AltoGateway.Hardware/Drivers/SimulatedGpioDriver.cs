using System.Device.Gpio;

namespace AltoGateway.Hardware.Drivers;

/// <summary>One write to a simulated GPIO line, with the time it happened.</summary>
public readonly record struct GpioWrite(int Line, PinValue Value, DateTimeOffset At);

/// <summary>
/// A GPIO chip without hardware: a <see cref="GpioDriver"/> with <see cref="PinCount"/> lines
/// that records every write with its time (the emulated CI board, and tests). It behaves like
/// libgpiod where a caller could get it wrong: a line must be opened before use and be an
/// output to be written, a line beyond the chip does not exist, a closed chip refuses everything.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly int _lineCount;
    private readonly Dictionary<int, PinMode> _open = [];
    private readonly Dictionary<int, PinValue> _values = [];
    private readonly List<GpioWrite> _writes = [];
    private bool _disposed;

    public SimulatedGpioDriver(int lineCount, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lineCount);
        ArgumentNullException.ThrowIfNull(time);
        _lineCount = lineCount;
        _time = time;
    }

    /// <summary>Raised after each write, outside the driver's lock.</summary>
    public event Action<GpioWrite>? Written;

    /// <summary>Every write so far, in order.</summary>
    public IReadOnlyList<GpioWrite> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>Lines open now.</summary>
    public IReadOnlyCollection<int> OpenLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _open.Keys];
            }
        }
    }

    /// <summary>The level a line was last driven to (Low when never).</summary>
    public PinValue ValueOf(int line)
    {
        lock (_gate)
        {
            return _values.GetValueOrDefault(line, PinValue.Low);
        }
    }

    protected override int PinCount => _lineCount;

    protected override void OpenPin(int pinNumber)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (pinNumber < 0 || pinNumber >= _lineCount)
            {
                throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"the simulated chip has lines 0-{_lineCount - 1}");
            }

            if (!_open.TryAdd(pinNumber, PinMode.Input))
            {
                throw new InvalidOperationException($"line {pinNumber} is already open");
            }
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            _open.Remove(pinNumber);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_gate)
        {
            RequireOpen(pinNumber);
            _open[pinNumber] = mode;
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        SetPinMode(pinNumber, mode);
        if (mode == PinMode.Output)
        {
            Write(pinNumber, initialValue);
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            RequireOpen(pinNumber);
            return _open[pinNumber];
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => mode is PinMode.Input or PinMode.Output;

    protected override PinValue Read(int pinNumber) => ValueOf(pinNumber);

    protected override void Write(int pinNumber, PinValue value)
    {
        GpioWrite write;
        lock (_gate)
        {
            RequireOpen(pinNumber);
            if (_open[pinNumber] != PinMode.Output)
            {
                throw new InvalidOperationException($"line {pinNumber} is not an output");
            }

            write = new GpioWrite(pinNumber, value, _time.GetUtcNow());
            _values[pinNumber] = value;
            _writes.Add(write);
        }

        Written?.Invoke(write);
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the simulated chip has no inputs that change");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("the simulated chip has no inputs that change");

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException("the simulated chip has no inputs that change");

    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            _disposed = true;
            _open.Clear();
        }

        base.Dispose(disposing);
    }

    private void RequireOpen(int pinNumber)
    {
        ThrowIfDisposed();
        if (!_open.ContainsKey(pinNumber))
        {
            throw new InvalidOperationException($"line {pinNumber} is not open");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}

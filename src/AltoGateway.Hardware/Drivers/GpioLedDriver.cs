using System.Device.Gpio;
using AltoGateway.Hardware.Leds;

namespace AltoGateway.Hardware.Drivers;

/// <summary>
/// LEDs on GPIO lines through System.Device.Gpio's <see cref="GpioController"/>, over any
/// <see cref="GpioDriver"/> (libgpiod v1 or v2 on a board, the simulated chip otherwise). Each
/// line is opened as an output already dark, so no LED flashes while the agent starts.
/// </summary>
public sealed class GpioLedDriver : ILedDriver
{
    private readonly GpioController _controller;
    private readonly IReadOnlyDictionary<LedRole, GpioLed> _leds;

    /// <summary>Takes ownership of <paramref name="driver"/>; opens every line (and closes them again when one fails).</summary>
    public GpioLedDriver(GpioDriver driver, IReadOnlyDictionary<LedRole, GpioLed> leds, string description)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(leds);
        _leds = leds;
        Description = description;
        _controller = new GpioController(driver);
        try
        {
            foreach (var led in leds.Values)
            {
                _controller.OpenPin(led.Line, PinMode.Output, Level(led, lit: false));
            }
        }
        catch
        {
            _controller.Dispose();
            throw;
        }
    }

    public string Description { get; }

    public bool Has(LedRole role) => _leds.ContainsKey(role);

    public void ShowPattern(LedRole role, LedPattern pattern)
    {
        // The LED itself shows it.
    }

    public void Write(LedRole role, bool lit)
    {
        if (_leds.TryGetValue(role, out var led))
        {
            _controller.Write(led.Line, Level(led, lit));
        }
    }

    /// <summary>Closes the lines; they keep their last level (the kernel does not reset them).</summary>
    public void Dispose() => _controller.Dispose();

    public static PinValue Level(GpioLed led, bool lit) => lit != led.ActiveLow ? PinValue.High : PinValue.Low;
}

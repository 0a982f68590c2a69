namespace AltoGateway.Hardware.Drivers;

/// <summary>The LED of a role on a GPIO line; active-low LEDs are lit by driving the line low.</summary>
public readonly record struct GpioLed(int Line, bool ActiveLow);

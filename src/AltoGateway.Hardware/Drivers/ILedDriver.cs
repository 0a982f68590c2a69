using AltoGateway.Hardware.Leds;

namespace AltoGateway.Hardware.Drivers;

/// <summary>
/// Lights the LEDs of one board. The pattern runner tells a driver each new pattern (console and
/// trace drivers show those) and then every change of level (GPIO and sysfs drivers light those).
/// Polarity is the driver's business: <see cref="Write"/> says lit or dark.
/// </summary>
public interface ILedDriver : IDisposable
{
    /// <summary>What drives the LEDs, for logs and <c>/status</c> (e.g. <c>gpio: libgpiod v2, gpiochip4</c>).</summary>
    string Description { get; }

    /// <summary>Whether the board has an LED for the role (a board may leave a role out).</summary>
    bool Has(LedRole role);

    /// <summary>The role's pattern changed; told before the levels it brings.</summary>
    void ShowPattern(LedRole role, LedPattern pattern);

    /// <summary>Lights or darkens the role's LED.</summary>
    void Write(LedRole role, bool lit);
}

using AltoGateway.Hardware.Leds;

namespace AltoGateway.Hardware.Drivers;

/// <summary>
/// No LEDs: each pattern change goes to the log instead (the host's logger). The default when no
/// board is configured, and the fallback when a board's LEDs cannot be opened.
/// </summary>
public sealed class ConsoleLedDriver(Action<LedRole, LedPattern> log, string description = "console") : ILedDriver
{
    public string Description { get; } = description;

    public bool Has(LedRole role) => true;

    public void ShowPattern(LedRole role, LedPattern pattern) => log(role, pattern);

    public void Write(LedRole role, bool lit)
    {
        // Nothing to light; the pattern was logged.
    }

    public void Dispose()
    {
    }
}

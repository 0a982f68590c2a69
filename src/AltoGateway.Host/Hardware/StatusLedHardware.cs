using AltoGateway.Hardware.Leds;

namespace AltoGateway.Host.Hardware;

/// <summary>The status LEDs of this agent: the board, the runner driving them, the activity input, and why they fell back to the console (if they did).</summary>
internal sealed class StatusLedHardware(string board, LedPatternRunner runner, LedActivity activity, string? fallbackReason) : IDisposable
{
    public string Board { get; } = board;

    public LedPatternRunner Runner { get; } = runner;

    public LedActivity Activity { get; } = activity;

    public string? FallbackReason { get; } = fallbackReason;

    /// <summary>Closes the LEDs (the emulated board's trace ends with "closed").</summary>
    public void Dispose() => Runner.Dispose();
}

using System.Device.Gpio;
using System.Globalization;
using AltoGateway.Hardware.Boards;
using AltoGateway.Hardware.Leds;

namespace AltoGateway.Hardware.Drivers;

/// <summary>Opens a GPIO chip: the chip number and label of the board; the description says what was opened.</summary>
public delegate GpioDriver GpioChipOpener(int? chip, string? label, out string description);

/// <summary>What drives the LEDs, and why it is the console when the board's LEDs could not be opened.</summary>
public sealed record LedDriverChoice(ILedDriver Driver, string? FallbackReason);

/// <summary>Where the drivers find what the board file does not say.</summary>
public sealed record LedDriverSettings(string SysfsRoot, string? TraceFile, GpioChipOpener OpenGpioChip)
{
    public static LedDriverSettings System(string? traceFile) => new(SysfsLedDriver.DefaultRoot, traceFile, LibgpiodChip.Open);
}

/// <summary>
/// The driver a board asks for. A board whose LEDs cannot be opened (no libgpiod, no chip, no
/// permission, an LED missing from sysfs) gets the console driver and the reason, never an exception.
/// </summary>
public static class LedDriverSelection
{
    public static LedDriverChoice Open(BoardDefinition? board, LedDriverSettings settings, TimeProvider time, Action<LedRole, LedPattern> consoleLog)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(consoleLog);
        if (board is null || board.Driver == BoardDrivers.Console)
        {
            return new(new ConsoleLedDriver(consoleLog), null);
        }

        try
        {
            return new(OpenBoard(board, settings, time), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException
                                       or PlatformNotSupportedException or InvalidOperationException or ArgumentException)
        {
            var reason = $"board '{board.Name}' ({board.Driver}): {ex.Message}";
            return new(new ConsoleLedDriver(consoleLog, "console (fallback)"), reason);
        }
    }

    private static ILedDriver OpenBoard(BoardDefinition board, LedDriverSettings settings, TimeProvider time)
    {
        switch (board.Driver)
        {
            case BoardDrivers.Sysfs:
                return new SysfsLedDriver(settings.SysfsRoot, Present(board).ToDictionary(p => p.Role, p => p.Led.Name!));
            case BoardDrivers.Emulated:
                var lineCount = board.Header.Keys.Select(k => int.Parse(k, CultureInfo.InvariantCulture)).Max() + 1;
                return new EmulatedBoardLedDriver(GpioLeds(board), lineCount, time, settings.TraceFile);
            default:
                var chip = settings.OpenGpioChip(board.Chip, board.ChipLabel, out var description);
                try
                {
                    return new GpioLedDriver(chip, GpioLeds(board), description);
                }
                catch
                {
                    chip.Dispose();
                    throw;
                }
        }
    }

    private static Dictionary<LedRole, GpioLed> GpioLeds(BoardDefinition board) =>
        Present(board).ToDictionary(p => p.Role, p => new GpioLed(p.Led.Line!.Value, p.Led.Polarity == BoardPolarity.ActiveLow));

    /// <summary>The roles the board has an LED for (a checked board: every role is mapped or absent).</summary>
    private static IEnumerable<(LedRole Role, BoardLed Led)> Present(BoardDefinition board) =>
        board.Leds.Where(p => !p.Value.Absent && LedRoles.TryParse(p.Key, out _))
            .Select(p => (LedRoles.TryParse(p.Key, out var role) ? role : default, p.Value));
}

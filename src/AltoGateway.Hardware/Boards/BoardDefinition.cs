using System.Text.Json.Serialization;

namespace AltoGateway.Hardware.Boards;

/// <summary>
/// A board file of <c>hardware/boards/</c>: which driver lights the LEDs, on which GPIO chip, the
/// lines that exist there (with their header pins), and the LED of each role. Checked by
/// <see cref="BoardDefinitionValidator"/>; read by <see cref="BoardFile"/>.
/// </summary>
public sealed class BoardDefinition
{
    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    /// <summary><c>gpio</c>, <c>sysfs</c>, <c>emulated</c> or <c>console</c> (see <see cref="BoardDrivers"/>).</summary>
    public string Driver { get; set; } = string.Empty;

    /// <summary>GPIO: the chip number (<c>/dev/gpiochipN</c>), used when <see cref="ChipLabel"/> finds none.</summary>
    public int? Chip { get; set; }

    /// <summary>GPIO: the chip's label (<c>pinctrl-rp1</c> on the Pi 5), which names it whatever its number.</summary>
    public string? ChipLabel { get; set; }

    /// <summary>GPIO: every usable line of the chip → its pin on the header (0: not on a header).</summary>
    public Dictionary<string, int> Header { get; set; } = [];

    /// <summary>Role name (<c>Power</c>, <c>Upstream</c>, <c>Activity</c>, <c>Fault</c>) → its LED.</summary>
    public Dictionary<string, BoardLed> Leds { get; set; } = [];

    /// <summary>How to wire it (GPIO numbers, header pins, resistors); the diagrams are in hardware/boards/README.md.</summary>
    public IList<string> Wiring { get; set; } = [];
}

/// <summary>The LED of one role: a GPIO line or a kernel LED name, or explicitly none.</summary>
public sealed class BoardLed
{
    /// <summary>GPIO and emulated boards: the line number on the chip (BCM numbering on a Pi).</summary>
    public int? Line { get; set; }

    /// <summary>sysfs boards: the name under <c>/sys/class/leds</c> (<c>green:wan</c>).</summary>
    public string? Name { get; set; }

    /// <summary><c>ActiveHigh</c> (the line drives the LED's anode) or <c>ActiveLow</c> (it sinks the cathode).</summary>
    public string Polarity { get; set; } = BoardPolarity.ActiveHigh;

    /// <summary>The board has no LED for this role.</summary>
    public bool Absent { get; set; }
}

public static class BoardDrivers
{
    public const string Gpio = "gpio";
    public const string Sysfs = "sysfs";
    public const string Emulated = "emulated";
    public const string Console = "console";

    public static IReadOnlyList<string> All { get; } = [Gpio, Sysfs, Emulated, Console];
}

public static class BoardPolarity
{
    public const string ActiveHigh = "ActiveHigh";
    public const string ActiveLow = "ActiveLow";
}

[JsonSourceGenerationOptions(
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(BoardDefinition))]
internal sealed partial class BoardJsonContext : JsonSerializerContext;

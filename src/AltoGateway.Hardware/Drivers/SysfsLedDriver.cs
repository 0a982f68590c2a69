using System.Globalization;
using System.Text;
using AltoGateway.Hardware.Leds;

namespace AltoGateway.Hardware.Drivers;

/// <summary>
/// LEDs of the kernel LED class (<c>/sys/class/leds/NAME/</c>), the usual way on CPE routers
/// whose LEDs the device tree already describes (polarity included). At start each LED's
/// <c>trigger</c> is set to <c>none</c> first, so no kernel trigger (netdev, heartbeat, timer)
/// fights the agent for it, and then its <c>brightness</c> to 0; lit is <c>max_brightness</c>.
/// The root is configurable so that tests use a folder of their own.
/// (Iot.Device.Bindings' BoardLed does the same but hard-codes /sys/class/leds.)
/// </summary>
public sealed class SysfsLedDriver : ILedDriver
{
    public const string DefaultRoot = "/sys/class/leds";

    private readonly Dictionary<LedRole, (string Folder, string MaxBrightness)> _leds = [];
    private readonly Action<string, string>? _attributeWritten;

    /// <exception cref="DirectoryNotFoundException">An LED does not exist under the root.</exception>
    /// <exception cref="UnauthorizedAccessException">The agent may not write an LED's files.</exception>
    public SysfsLedDriver(string root, IReadOnlyDictionary<LedRole, string> names)
        : this(root, names, attributeWritten: null)
    {
    }

    /// <param name="attributeWritten">Told every attribute write (path, value), in order: the tests check that trigger comes first.</param>
    internal SysfsLedDriver(string root, IReadOnlyDictionary<LedRole, string> names, Action<string, string>? attributeWritten)
    {
        _attributeWritten = attributeWritten;
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(names);
        Description = $"sysfs: {root}";
        foreach (var (role, name) in names)
        {
            var folder = Path.Combine(root, name);
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"there is no LED '{name}' in {root}");
            }

            var max = File.ReadAllText(Path.Combine(folder, "max_brightness")).Trim();
            if (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                throw new IOException($"{Path.Combine(folder, "max_brightness")} holds '{max}', not a positive number");
            }

            _leds[role] = (folder, max);
        }

        foreach (var (folder, _) in _leds.Values)
        {
            WriteAttribute(Path.Combine(folder, "trigger"), "none");
            WriteAttribute(Path.Combine(folder, "brightness"), "0");
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
            WriteAttribute(Path.Combine(led.Folder, "brightness"), lit ? led.MaxBrightness : "0");
        }
    }

    /// <summary>The LEDs keep their last brightness; their trigger stays none.</summary>
    public void Dispose()
    {
    }

    /// <summary>One write(2) of the whole value, as sysfs wants it (O_TRUNC is harmless there and needed for a plain file).</summary>
    private void WriteAttribute(string path, string value)
    {
        using (var handle = File.OpenHandle(path, FileMode.Truncate, FileAccess.Write))
        {
            RandomAccess.Write(handle, Encoding.ASCII.GetBytes(value + "\n"), 0);
        }

        _attributeWritten?.Invoke(path, value);
    }
}

using AltoGateway.Hardware.Drivers;
using AltoGateway.Hardware.Leds;

namespace AltoGateway.Hardware.Tests.Drivers;

/// <summary>The kernel LED class driver against a folder laid out like /sys/class/leds.</summary>
public sealed class SysfsLedDriverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("altogw-leds-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>An LED as the kernel shows it: a trigger list with the active one in brackets, lit by a trigger.</summary>
    private void AddLed(string name, int maxBrightness, string trigger = "none [netdev] timer heartbeat default-on")
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "max_brightness"), $"{maxBrightness}\n");
        File.WriteAllText(Path.Combine(folder, "brightness"), $"{maxBrightness}\n");
        File.WriteAllText(Path.Combine(folder, "trigger"), trigger + "\n");
    }

    private string Read(string name, string attribute) => File.ReadAllText(Path.Combine(_root, name, attribute));

    [Fact]
    public void Opening_sets_each_trigger_to_none_before_writing_its_brightness()
    {
        AddLed("green:wan", 255);
        AddLed("red:status", 1);
        var writes = new List<string>();

        using var driver = Open(new Dictionary<LedRole, string> { [LedRole.Upstream] = "green:wan", [LedRole.Fault] = "red:status" }, writes);

        Assert.Equal(["green:wan/trigger=none", "green:wan/brightness=0", "red:status/trigger=none", "red:status/brightness=0"], writes);
        Assert.Equal("none\n", Read("green:wan", "trigger"));
        Assert.Equal("0\n", Read("red:status", "brightness"));
    }

    [Fact]
    public void Lit_is_max_brightness_and_dark_is_zero()
    {
        AddLed("green:wan", 255);
        AddLed("red:status", 1);
        using var driver = Open(new Dictionary<LedRole, string> { [LedRole.Upstream] = "green:wan", [LedRole.Fault] = "red:status" }, []);

        driver.Write(LedRole.Upstream, lit: true);
        driver.Write(LedRole.Fault, lit: true);
        Assert.Equal(("255\n", "1\n"), (Read("green:wan", "brightness"), Read("red:status", "brightness")));

        driver.Write(LedRole.Upstream, lit: false);
        Assert.Equal("0\n", Read("green:wan", "brightness"));
        Assert.True(driver.Has(LedRole.Fault));
        Assert.False(driver.Has(LedRole.Power));
        driver.Write(LedRole.Power, lit: true); // a role the board left out: nothing to write
    }

    [Fact]
    public void A_missing_LED_or_a_broken_max_brightness_is_an_IO_error_naming_it()
    {
        AddLed("green:wan", 0);

        var missing = Assert.Throws<DirectoryNotFoundException>(() => new SysfsLedDriver(_root, new Dictionary<LedRole, string> { [LedRole.Power] = "green:power" }));
        Assert.Equal($"there is no LED 'green:power' in {_root}", missing.Message);
        var zero = Assert.Throws<IOException>(() => new SysfsLedDriver(_root, new Dictionary<LedRole, string> { [LedRole.Upstream] = "green:wan" }));
        Assert.Contains("holds '0', not a positive number", zero.Message, StringComparison.Ordinal);
        Assert.Equal("none [netdev] timer heartbeat default-on\n", Read("green:wan", "trigger")); // nothing written
    }

    private SysfsLedDriver Open(Dictionary<LedRole, string> names, List<string> writes) =>
        new(_root, names, (path, value) => writes.Add($"{Path.GetRelativePath(_root, path)}={value}"));
}

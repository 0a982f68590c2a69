using System.Text;
using AltoGateway.Hardware.Boards;

namespace AltoGateway.Hardware.Tests.Boards;

public sealed class BoardFileTests
{
    private static List<string> Problems(string json)
    {
        var problems = new List<BoardProblem>();
        var board = BoardFile.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), problems);
        Assert.True(board is null == problems.Count > 0);
        return [.. problems.Select(p => p.ToString())];
    }

    private static readonly string[] RoleKeys = ["Power", "Upstream", "Activity", "Fault"];
    private static readonly int[] PiLines = [17, 27, 22, 23];

    private const string Header = """ "Header": { "17": 11, "22": 15, "23": 16, "27": 13 } """;

    [Theory]
    [InlineData("raspberry-pi-4", "gpio", 0, "pinctrl-bcm2711")]
    [InlineData("raspberry-pi-5", "gpio", 4, "pinctrl-rp1")]
    [InlineData("emulated", "emulated", 0, null)]
    public void The_built_in_GPIO_boards_are_valid_and_wire_the_same_header_pins(string name, string driver, int chip, string? label)
    {
        var problems = new List<BoardProblem>();
        var board = BoardFile.Load(name, "/", problems);

        Assert.Empty(problems);
        Assert.Equal((name, driver, chip, label), (board!.Name, board.Driver, board.Chip, board.ChipLabel));
        Assert.Equal([17, 27, 22, 23], RoleKeys.Select(r => board.Leds[r].Line!.Value));
        Assert.Equal([11, 13, 15, 16], PiLines.Select(l => board.Header[$"{l}"]));
        Assert.NotEmpty(board.Wiring);
    }

    [Fact]
    public void The_built_in_boards_are_the_four_of_hardware_boards_and_the_CPE_names_sysfs_LEDs()
    {
        Assert.Equal(["emulated", "openwrt-cpe", "raspberry-pi-4", "raspberry-pi-5"], BoardFile.BuiltInNames);
        var board = BoardFile.Load("openwrt-cpe", "/", []);
        Assert.Equal("sysfs", board!.Driver);
        Assert.Equal("green:wan", board.Leds["Upstream"].Name);
        Assert.Equal(BoardPolarity.ActiveLow, BoardFile.Load("emulated", "/", [])!.Leds["Fault"].Polarity);

        // The files in the repository are the ones built in.
        var folder = Path.Combine(AltoGateway.Tests.Shared.RepositoryPaths.Root, "hardware", "boards");
        Assert.Equal(BoardFile.BuiltInNames, Directory.GetFiles(folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        Assert.NotNull(BoardFile.Load(Path.Combine(folder, "raspberry-pi-5.json"), "/", []));
    }

    [Fact]
    public void A_pin_the_board_does_not_have_and_a_pin_used_twice_are_named_by_key()
    {
        Assert.Equal(
        [
            "Leds:Upstream:Line: GPIO 40 does not exist on board 'mine' (its lines: 17, 22-23, 27)",
            "Leds:Fault:Line: GPIO 17 is already used by Leds:Power",
        ], Problems($$"""
            { "Name": "mine", "Driver": "gpio", "Chip": 0, {{Header}},
              "Leds": { "Power": { "Line": 17 }, "Upstream": { "Line": 40 }, "Activity": { "Line": 22 }, "Fault": { "Line": 17 } } }
            """));
    }

    [Fact]
    public void Every_role_must_be_mapped_or_explicitly_absent_and_polarity_must_be_known()
    {
        Assert.Equal(
        [
            "Leds:Blinky: 'Blinky' is not a role; the roles are Power, Upstream, Activity, Fault",
            "Leds:Upstream:Polarity: 'high' is not ActiveHigh or ActiveLow",
            "Leds:Activity: not mapped: give its Line or say \"Absent\": true",
            "Leds:Fault: is Absent but names a Line or Name",
        ], Problems($$"""
            { "Name": "mine", "Driver": "gpio", "Chip": 0, {{Header}},
              "Leds": { "Power": { "Line": 17, "Polarity": "ActiveLow" }, "Upstream": { "Line": 27, "Polarity": "high" },
                        "Fault": { "Absent": true, "Line": 23 }, "Blinky": { "Line": 22 } } }
            """));

        Assert.Empty(Problems($$"""
            { "Name": "mine", "Driver": "gpio", "Chip": 0, {{Header}},
              "Leds": { "Power": { "Line": 17 }, "Upstream": { "Absent": true }, "Activity": { "Absent": true }, "Fault": { "Line": 23, "Polarity": "ActiveLow" } } }
            """));
    }

    [Fact]
    public void Sysfs_boards_name_their_LEDs_once_each_and_leave_polarity_to_the_device_tree()
    {
        Assert.Equal(
        [
            "Leds:Power:Name: missing: the LED's name under /sys/class/leds",
            "Leds:Upstream:Name: '../wan' is not an LED name (no '/', not '.' or '..')",
            "Leds:Activity:Polarity: the kernel LED class takes the polarity from the device tree; use ActiveHigh",
            "Leds:Fault:Line: a sysfs board names its LEDs by Name, not by GPIO line",
            "Leds:Fault:Name: 'green:lan' is already used by Leds:Activity",
        ], Problems("""
            { "Name": "cpe", "Driver": "sysfs",
              "Leds": { "Power": { }, "Upstream": { "Name": "../wan" }, "Activity": { "Name": "green:lan", "Polarity": "ActiveLow" },
                        "Fault": { "Name": "green:lan", "Line": 3 } } }
            """));
    }

    [Fact]
    public void An_unknown_driver_a_GPIO_board_without_chip_or_lines_and_JSON_typos_are_problems()
    {
        Assert.Equal(["Driver: 'pwm' is not a driver; use gpio, sysfs, emulated, console"], Problems("""{ "Driver": "pwm" }"""));
        Assert.Equal(
        [
            "Header: a GPIO board lists its usable lines (GPIO number → header pin)",
            "Chip: a GPIO board needs a Chip number (and may name a ChipLabel)",
            "Leds:Power:Line: GPIO 17 does not exist on board 'bare' (its lines: none)",
            "Leds:Upstream: not mapped: give its Line or say \"Absent\": true",
            "Leds:Activity: not mapped: give its Line or say \"Absent\": true",
            "Leds:Fault: not mapped: give its Line or say \"Absent\": true",
        ], Problems("""{ "Name": "bare", "Driver": "gpio", "Leds": { "Power": { "Line": 17 } } }"""));
        Assert.Equal(["Header:GPIO4: 'GPIO4' is not a GPIO line number"], Problems($$"""{ "Name": "x", "Driver": "emulated", "Chip": 0, "Header": { "GPIO4": 7, "17": 11 }, "Leds": { "Power": { "Line": 17 }, "Upstream": { "Absent": true }, "Activity": { "Absent": true }, "Fault": { "Absent": true } } }"""));

        var typo = Assert.Single(Problems("""{ "Name": "x", "Driver": "gpio", "Leds": { "Power": { "Lien": 17 } } }"""));
        Assert.StartsWith("Leds:Power:Lien: not a board file: ", typo, StringComparison.Ordinal);
        Assert.StartsWith("Chip: not a board file: ", Assert.Single(Problems("""{ "Chip": "four" }""")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_is_no_built_in_board_and_a_missing_file_are_problems()
    {
        var problems = new List<BoardProblem>();
        Assert.Null(BoardFile.Load("raspberry-pi-3", "/", problems));
        Assert.Null(BoardFile.Load("boards/none.json", "/nonexistent-folder", problems));

        Assert.Equal("'raspberry-pi-3' is no built-in board (emulated, openwrt-cpe, raspberry-pi-4, raspberry-pi-5) and no path to a .json board file", problems[0].Message);
        Assert.StartsWith("cannot read '/nonexistent-folder/boards/none.json': ", problems[1].Message, StringComparison.Ordinal);
    }
}

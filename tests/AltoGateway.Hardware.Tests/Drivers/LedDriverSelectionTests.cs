using System.Device.Gpio;
using AltoGateway.Hardware.Boards;
using AltoGateway.Hardware.Drivers;
using AltoGateway.Hardware.Leds;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Hardware.Tests.Drivers;

/// <summary>Which driver a board gets, and the console with a reason when the board's LEDs cannot be opened.</summary>
public sealed class LedDriverSelectionTests
{
    private readonly FakeTimeProvider _time = new(SimulatedBoard.Start);
    private readonly List<(LedRole, LedPattern)> _logged = [];

    private static BoardDefinition Board(string name) => BoardFile.Load(name, "/", []) ?? throw new InvalidOperationException(name);

    private LedDriverChoice Open(BoardDefinition? board, GpioChipOpener opener, string sysfsRoot = "/nonexistent-leds") =>
        LedDriverSelection.Open(board, new LedDriverSettings(sysfsRoot, null, opener), _time, (role, pattern) => _logged.Add((role, pattern)));

    private static GpioChipOpener Throwing(Exception ex) => (int? chip, string? label, out string description) => throw ex;

    [Fact]
    public void No_board_is_the_console_driver_and_no_fallback()
    {
        var choice = Open(null, Throwing(new InvalidOperationException("never asked")));

        Assert.IsType<ConsoleLedDriver>(choice.Driver);
        Assert.Null(choice.FallbackReason);
        choice.Driver.ShowPattern(LedRole.Power, LedPattern.SlowBlink);
        Assert.Equal([(LedRole.Power, LedPattern.SlowBlink)], _logged);
    }

    [Fact]
    public void A_GPIO_board_opens_the_chip_its_board_file_names_and_drives_its_lines()
    {
        var chip = new SimulatedGpioDriver(54, _time);
        (int?, string?) asked = default;
        var choice = Open(Board("raspberry-pi-5"), (int? number, string? label, out string description) =>
        {
            asked = (number, label);
            description = "gpio: simulated";
            return chip;
        });

        Assert.Null(choice.FallbackReason);
        Assert.Equal((4, "pinctrl-rp1"), asked);
        Assert.IsType<GpioLedDriver>(choice.Driver).Write(LedRole.Fault, lit: true);
        Assert.Equal(PinValue.High, chip.ValueOf(23));
        Assert.Equal([17, 22, 23, 27], chip.OpenLines.Order());
    }

    public static TheoryData<Exception> SystemFailures() => new()
    {
        new UnauthorizedAccessException("Access to the path '/dev/gpiochip0' is denied."),
        new FileNotFoundException("/dev/gpiochip4 does not exist", "/dev/gpiochip4"),
        new DllNotFoundException("libgpiod is not installed (neither libgpiod.so.3 nor libgpiod.so.2; apt install libgpiod2 or libgpiod3)"),
        new IOException("Error 16 initializing the Gpio driver: Device or resource busy"),
        new PlatformNotSupportedException("Libgpiod driver not installed."),
    };

    [Theory]
    [MemberData(nameof(SystemFailures))]
    public void A_missing_chip_library_or_permission_falls_back_to_the_console_with_the_reason(Exception failure)
    {
        var choice = Open(Board("raspberry-pi-4"), Throwing(failure));

        Assert.Equal("console (fallback)", Assert.IsType<ConsoleLedDriver>(choice.Driver).Description);
        Assert.Equal($"board 'raspberry-pi-4' (gpio): {failure.Message}", choice.FallbackReason);
    }

    [Fact]
    public void A_line_the_chip_refuses_falls_back_and_releases_the_chip()
    {
        var chip = new SimulatedGpioDriver(8, _time); // too few lines for GPIO 17
        var choice = Open(Board("raspberry-pi-4"), (int? number, string? label, out string description) =>
        {
            description = "gpio: simulated";
            return chip;
        });

        Assert.StartsWith("board 'raspberry-pi-4' (gpio): ", choice.FallbackReason, StringComparison.Ordinal);
        Assert.Throws<ObjectDisposedException>(() => new GpioController(chip).OpenPin(1));
    }

    [Fact]
    public void A_CPE_without_its_LEDs_in_sysfs_falls_back_to_the_console()
    {
        var root = Directory.CreateTempSubdirectory("altogw-leds-").FullName;
        try
        {
            var choice = Open(Board("openwrt-cpe"), Throwing(new InvalidOperationException("not GPIO")), root);

            Assert.Equal($"board 'openwrt-cpe' (sysfs): there is no LED 'green:power' in {root}", choice.FallbackReason);
        }
        finally
        {
            Directory.Delete(root);
        }
    }

    [Fact]
    public void The_emulated_board_traces_patterns_and_line_levels_with_the_active_low_fault_LED_inverted()
    {
        var trace = Path.Combine(Directory.CreateTempSubdirectory("altogw-trace-").FullName, "led-trace.log");
        try
        {
            var choice = LedDriverSelection.Open(Board("emulated"), new LedDriverSettings("/nonexistent-leds", trace, Throwing(new InvalidOperationException("no chip"))), _time, (_, _) => { });
            Assert.Null(choice.FallbackReason);
            using (var runner = new LedPatternRunner(choice.Driver, _time))
            {
                SimulatedBoard.AdvanceInSteps(_time, TimeSpan.FromMilliseconds(1500));
                runner.Show(LedRole.Fault, LedPattern.SlowBlink);
                SimulatedBoard.AdvanceInSteps(_time, TimeSpan.FromMilliseconds(500));
            }

            var lines = File.ReadAllLines(trace);
            Assert.Equal(
            [
                "1.500 pattern fault slow-blink",
                "1.500 level fault on gpio23=0",
                "2.000 level fault off gpio23=1",
                "2.000 closed",
            ], lines.SkipWhile(l => !l.StartsWith("1.500", StringComparison.Ordinal)));
            Assert.Contains("0.000 level power off gpio17=0", lines);
            Assert.Contains("0.000 pattern power off", lines);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(trace)!, recursive: true);
        }
    }
}

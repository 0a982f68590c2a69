using AltoGateway.Hardware.Drivers;
using AltoGateway.Hardware.Leds;

namespace AltoGateway.Hardware.Tests.Leds;

public sealed class LedPatternRunnerTests
{
    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Every_line_is_opened_dark_before_any_pattern_shows()
    {
        using var board = new SimulatedBoard();

        Assert.Equal([17, 22, 23, 27], board.Chip.OpenLines.Order());
        Assert.All(board.Chip.Writes, w => Assert.Equal(SimulatedBoard.Start, w.At));
        Assert.Equal([(0, 0)], board.WritesTo(17).Distinct());
        Assert.Equal([(0, 1)], board.WritesTo(23).Distinct()); // active-low: dark is high
        Assert.All(board.Runner.Snapshot(), s => Assert.Equal((LedPattern.Off, false, true), (s.Pattern, s.Lit, s.Present)));
    }

    [Fact]
    public void A_slow_blink_is_on_half_a_second_and_off_half_a_second_from_the_moment_it_starts()
    {
        using var board = new SimulatedBoard();
        board.Advance(Ms(40));
        var before = board.Chip.Writes.Count;

        board.Runner.Show(LedRole.Power, LedPattern.SlowBlink);
        board.Advance(Ms(2100));

        Assert.Equal([(40, 1), (540, 0), (1040, 1), (1540, 0), (2040, 1)], board.WritesTo(17, before));
        Assert.DoesNotContain(board.Chip.Writes.Skip(before), w => w.Line != 17);
    }

    [Fact]
    public void A_fast_blink_is_four_hertz_and_showing_the_same_pattern_again_does_not_restart_it()
    {
        using var board = new SimulatedBoard();
        var before = board.Chip.Writes.Count;

        board.Runner.Show(LedRole.Upstream, LedPattern.FastBlink);
        board.Advance(Ms(200));
        board.Runner.Show(LedRole.Upstream, LedPattern.FastBlink);
        board.Advance(Ms(300));

        Assert.Equal([(0, 1), (125, 0), (250, 1), (375, 0), (500, 1)], board.WritesTo(27, before));
    }

    [Fact]
    public void Steady_patterns_write_once_and_a_new_pattern_takes_over_at_once()
    {
        using var board = new SimulatedBoard();
        var before = board.Chip.Writes.Count;

        board.Runner.Show(LedRole.Power, LedPattern.SlowBlink);
        board.Advance(Ms(700)); // on at 0, off at 500
        board.Runner.Show(LedRole.Power, LedPattern.On);
        board.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal([(0, 1), (500, 0), (700, 1)], board.WritesTo(17, before));
        var power = board.Runner.Snapshot().Single(s => s.Role == LedRole.Power);
        Assert.Equal((LedPattern.On, true, SimulatedBoard.Start + Ms(700)), (power.Pattern, power.Lit, power.Since));
    }

    [Fact]
    public void An_active_low_LED_is_lit_by_driving_its_line_low()
    {
        using var board = new SimulatedBoard();
        var before = board.Chip.Writes.Count;

        board.Runner.Show(LedRole.Fault, LedPattern.On);
        board.Advance(Ms(10));
        board.Runner.Show(LedRole.Fault, LedPattern.Off);

        Assert.Equal([(0, 0), (10, 1)], board.WritesTo(23, before));
        Assert.Equal(System.Device.Gpio.PinValue.High, board.Chip.ValueOf(23));
    }

    [Fact]
    public void Several_LEDs_blink_side_by_side_on_one_timer_each_at_its_own_times()
    {
        using var board = new SimulatedBoard();
        var before = board.Chip.Writes.Count;

        board.Runner.Show(LedRole.Fault, LedPattern.SlowBlink);
        board.Advance(Ms(100));
        board.Runner.Show(LedRole.Upstream, LedPattern.FastBlink);
        board.Advance(Ms(500));

        Assert.Equal([(0, 0), (500, 1)], board.WritesTo(23, before));
        Assert.Equal([(100, 1), (225, 0), (350, 1), (475, 0), (600, 1)], board.WritesTo(27, before));
    }

    [Fact]
    public void A_driver_that_throws_is_reported_once_and_not_written_to_again_and_another_driver_takes_over()
    {
        using var board = new SimulatedBoard();
        var failures = new List<Exception>();
        board.Runner.DriverFailed += (_, ex) => failures.Add(ex);
        board.Runner.Show(LedRole.Power, LedPattern.FastBlink);
        board.Chip.Dispose(); // the chip goes away under the agent (a line taken back, a device unbound)

        board.Advance(Ms(1000));

        Assert.IsType<ObjectDisposedException>(Assert.Single(failures));
        var logged = new List<(LedRole, LedPattern)>();
        board.Runner.ReplaceDriver(new ConsoleLedDriver((role, pattern) => logged.Add((role, pattern)), "console (fallback)"));
        Assert.Equal("console (fallback)", board.Runner.DriverDescription);
        Assert.Contains((LedRole.Power, LedPattern.FastBlink), logged);
        Assert.Equal(4, logged.Count);
    }
}

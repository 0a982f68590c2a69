using AltoGateway.Hardware.Leds;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Hardware.Tests.Leds;

public sealed class ActivityFlashTests
{
    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void The_limiter_allows_one_flash_per_interval_however_many_transactions_come()
    {
        var time = new FakeTimeProvider(SimulatedBoard.Start);
        var limiter = new ActivityFlashLimiter(time, Ms(250));

        Assert.True(limiter.TryFlash());
        time.Advance(Ms(249));
        Assert.False(limiter.TryFlash());
        time.Advance(Ms(1));
        Assert.True(limiter.TryFlash());
        Assert.False(limiter.TryFlash());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ActivityFlashLimiter(time, Ms(99)));
    }

    [Fact]
    public void A_load_of_transactions_flashes_the_LED_fifty_milliseconds_every_quarter_second_and_counts_the_rest()
    {
        using var board = new SimulatedBoard();
        var activity = new LedActivity(board.Runner, new ActivityFlashLimiter(board.Time, ActivityFlashLimiter.DefaultMinInterval));
        var before = board.Chip.Writes.Count;

        // 1,000 transactions a second for 0.6 s, one every millisecond.
        for (var i = 0; i < 600; i++)
        {
            activity.Pulse();
            board.Advance(Ms(1));
        }

        Assert.Equal([(0, 1), (50, 0), (250, 1), (300, 0), (500, 1), (550, 0)], board.WritesTo(22, before));
        Assert.Equal((3, 597), (activity.Flashes, activity.Suppressed));
        Assert.Equal(LedPattern.Off, board.Runner.Snapshot().Single(s => s.Role == LedRole.Activity).Pattern);
    }

    [Fact]
    public void After_a_stop_transactions_no_longer_flash()
    {
        using var board = new SimulatedBoard();
        var activity = new LedActivity(board.Runner, new ActivityFlashLimiter(board.Time, ActivityFlashLimiter.DefaultMinInterval));
        var before = board.Chip.Writes.Count;

        activity.Stop();
        activity.Pulse();

        Assert.Empty(board.WritesTo(22, before));
        Assert.Equal(0, activity.Flashes);
    }
}

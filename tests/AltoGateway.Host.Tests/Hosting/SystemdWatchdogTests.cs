using AltoGateway.Host.Hosting;

namespace AltoGateway.Host.Tests.Hosting;

public class SystemdWatchdogTests
{
    [Fact]
    public void Pings_at_half_the_timeout_systemd_gave()
    {
        var watchdog = SystemdWatchdog.FromEnvironment(Env(("WATCHDOG_USEC", "30000000")), 42, out var invalid);

        Assert.Null(invalid);
        Assert.Equal(TimeSpan.FromSeconds(30), watchdog!.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(15), watchdog.PingInterval);
    }

    [Fact]
    public void No_watchdog_without_watchdog_usec()
    {
        Assert.Null(SystemdWatchdog.FromEnvironment(Env(), 42, out var invalid));
        Assert.Null(invalid);
    }

    [Fact]
    public void A_watchdog_meant_for_another_process_is_not_ours()
    {
        Assert.Null(SystemdWatchdog.FromEnvironment(Env(("WATCHDOG_USEC", "1000000"), ("WATCHDOG_PID", "41")), 42, out _));
        Assert.NotNull(SystemdWatchdog.FromEnvironment(Env(("WATCHDOG_USEC", "1000000"), ("WATCHDOG_PID", "42")), 42, out _));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("30s")]
    [InlineData("99999999999999999999999")]
    public void An_unusable_value_is_reported_not_thrown(string value)
    {
        Assert.Null(SystemdWatchdog.FromEnvironment(Env(("WATCHDOG_USEC", value)), 42, out var invalid));
        Assert.Equal(value, invalid);
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}

using AltoGateway.Host.Configuration;

namespace AltoGateway.Host.Tests.Configuration;

public class StateOptionsTests
{
    [Fact]
    public void Systemds_state_directory_wins_and_only_its_first_entry_is_ours()
    {
        Assert.Equal("/var/lib/altogateway", StateOptions.DefaultDirectory(Env(("STATE_DIRECTORY", "/var/lib/altogateway:/var/lib/other"))));
    }

    [Fact]
    public void The_default_is_always_an_absolute_path()
    {
        // XDG_STATE_HOME must be absolute (XDG Base Directory spec); a relative one is ignored.
        var path = StateOptions.DefaultDirectory(Env(("XDG_STATE_HOME", "relative/state")));

        Assert.True(Path.IsPathFullyQualified(path), path);
        Assert.Contains("altogateway", path, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absolute_xdg_state_home_is_used_by_a_user()
    {
        if (Environment.UserName == "root")
        {
            Assert.Equal("/var/lib/altogateway", StateOptions.DefaultDirectory(Env(("XDG_STATE_HOME", "/home/pi/.state"))));
        }
        else
        {
            Assert.Equal("/home/pi/.state/altogateway", StateOptions.DefaultDirectory(Env(("XDG_STATE_HOME", "/home/pi/.state"))));
        }
    }

    [Fact]
    public void A_relative_directory_in_the_configuration_is_a_problem()
    {
        var results = new StateOptionsValidator().Validate(null, new StateOptions { Directory = "state" });

        Assert.Equal(["Directory: 'state' is not an absolute path"], results.Failures);
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}

using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests;

/// <summary>systemd/altogateway.service as systemd itself reads it.</summary>
public sealed class SystemdUnitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-unit-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Systemd_analyze_verify_accepts_the_unit()
    {
        var analyze = TestEnvironment.RequireTool("systemd-analyze", "systemd");
        var unit = await File.ReadAllTextAsync(Path.Combine(TestEnvironment.RepositoryRoot, "systemd", "altogateway.service"), TestContext.Current.CancellationToken);

        // verify also checks that ExecStart= names an existing executable: point it at this build.
        Assert.Contains("ExecStart=/usr/bin/altogw run\n", unit, StringComparison.Ordinal);
        var copy = Path.Combine(_folder, "altogateway.service");
        await File.WriteAllTextAsync(copy, unit.Replace("ExecStart=/usr/bin/altogw", $"ExecStart={AgentProcess.JitBuildPath}", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var (exit, output) = await ToolProcess.RunAsync(analyze, ["verify", "--man=no", copy]);

        // verify exits 0 even after "…, ignoring" complaints: any output is a finding.
        Assert.True(exit == 0 && output.Length == 0, $"systemd-analyze verify exit {exit}:\n{output}");
    }

    [Fact]
    public async Task The_unit_is_type_notify_with_watchdog_and_the_agents_exit_code_for_bad_configuration()
    {
        var unit = await File.ReadAllLinesAsync(Path.Combine(TestEnvironment.RepositoryRoot, "systemd", "altogateway.service"), TestContext.Current.CancellationToken);

        Assert.Contains("Type=notify", unit);
        Assert.Contains("NotifyAccess=main", unit);
        Assert.Contains(unit, l => l.StartsWith("WatchdogSec=", StringComparison.Ordinal));
        Assert.Contains("Restart=on-failure", unit);
        Assert.Contains("RestartPreventExitStatus=78", unit);
        Assert.Contains("User=altogateway", unit);
        Assert.Contains("StateDirectory=altogateway", unit);
        Assert.Contains("ConfigurationDirectory=altogateway", unit);
        Assert.Contains("ProtectSystem=strict", unit);
    }
}

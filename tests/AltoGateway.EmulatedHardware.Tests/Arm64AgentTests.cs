using System.Net;
using System.Text.Json;
using AltoGateway.Tests.Shared;

namespace AltoGateway.EmulatedHardware.Tests;

/// <summary>The shipped form of the agent (arm64, NativeAOT) starting on the emulated board.</summary>
[Collection(EmulatedBoard.Collection)]
public sealed class Arm64AgentTests : IDisposable
{
    // qemu emulates every instruction: give a start-up far more time than it needs natively.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly NotifySocket _notify = new();

    public void Dispose()
    {
        _http.Dispose();
        _notify.Dispose();
    }

    [Fact]
    public async Task The_arm64_build_starts_notifies_ready_and_answers_healthz_under_qemu()
    {
        var environment = new Dictionary<string, string> { ["NOTIFY_SOCKET"] = _notify.Path };
        await using var agent = EmulatedBoard.Start(environment);

        await _notify.WaitForAsync(n => n == "READY=1", StartTimeout, "READY=1 from the arm64 agent");
        using var healthz = await agent.WaitForHttpAsync(_http, $"{EmulatedBoard.LanUrl}/healthz", StartTimeout);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);

        using var status = JsonDocument.Parse(await _http.GetStringAsync($"{EmulatedBoard.LanUrl}/status", TestContext.Current.CancellationToken));
        Assert.Equal("ready", status.RootElement.GetProperty("state").GetString());
        Assert.Contains(status.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("name").GetString() == "http");
        var metrics = await _http.GetStringAsync($"{EmulatedBoard.LanUrl}/metrics", TestContext.Current.CancellationToken);
        Assert.Contains("altogw_component_state{component=\"http\"} 0", metrics, StringComparison.Ordinal);

        agent.Terminate();
        await _notify.WaitForAsync(n => n == "STOPPING=1", StartTimeout, "STOPPING=1 from the arm64 agent");
        Assert.True(await agent.WaitForExitAsync(TimeSpan.FromSeconds(30)), agent.Output);
        Assert.Equal(0, agent.ExitCode);
    }

    [Fact]
    public async Task The_arm64_build_runs_the_appendix_c4_discovery_walk_against_a_real_dns_server()
    {
        // The DNS codec is AltoGateway's own: this shows it reading real answers (NXDOMAIN, NODATA
        // with an SOA, foreign services, the ALTO record) in the NativeAOT arm64 build.
        await using var knot = await KnotServer.StartAsync(DiscoveryTestZones.All, TestContext.Current.CancellationToken);
        await using var discover = EmulatedBoard.Start(new Dictionary<string, string>(),
            "discover", DiscoveryTestZones.AppendixC4Address, "--dns", knot.Address, "--timeout", "10");

        Assert.True(await discover.WaitForExitAsync(StartTimeout), discover.Output);
        Assert.True(discover.ExitCode == 0, discover.Output);
        var lines = discover.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Single(lines, l => l.StartsWith("R128", StringComparison.Ordinal) && l.Contains("NXDOMAIN", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("R64", StringComparison.Ordinal) && l.Contains("NODATA", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("R56", StringComparison.Ordinal) && l.Contains("only other services: LIS:HELD", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("R40", StringComparison.Ordinal));
        Assert.Equal("order 100 preference 10  https://alto1.example.net/ird", lines.Last(l => l.Length > 0));
    }

    [Fact]
    public async Task The_arm64_build_is_an_aarch64_executable()
    {
        var binary = TestEnvironment.RequireFile(EmulatedBoard.BinaryPath, "run ./publish-arm64.sh first (tests/run-tests.sh does)");
        var header = new byte[20];
        await using (var file = File.OpenRead(binary))
        {
            await file.ReadExactlyAsync(header, TestContext.Current.CancellationToken);
        }

        // ELF magic, 64-bit class, e_machine 183 (EM_AARCH64) at offset 18, little-endian.
        Assert.Equal("\u007fELF"u8.ToArray(), header[..4]);
        Assert.Equal(2, header[4]);
        Assert.Equal(183, BitConverter.ToUInt16(header, 18));
    }

    [Fact]
    public async Task The_arm64_build_rejects_a_bad_configuration_like_the_jit_build()
    {
        var folder = Directory.CreateTempSubdirectory("altogw-arm64-").FullName;
        try
        {
            var config = Path.Combine(folder, "bad.json");
            await File.WriteAllTextAsync(config, """{"Http":{"Lan":{"Urls":["http://lan.example:80"]}}}""", TestContext.Current.CancellationToken);
            await using var agent = EmulatedBoard.Start(new Dictionary<string, string>(), "check-config", "--config", config);

            Assert.True(await agent.WaitForExitAsync(StartTimeout), agent.Output);
            Assert.Equal(78, agent.ExitCode);
            Assert.Contains("Http:Lan:Urls:0: 'http://lan.example:80': 'lan.example' is not an IP address, '*' or 'localhost'", agent.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using AltoGateway.Tests.Shared;

namespace AltoGateway.EmulatedHardware.Tests;

/// <summary>The .deb that publish-arm64.sh builds for the board.</summary>
public sealed class PackageTests
{
    [Fact]
    public async Task Dpkg_deb_accepts_the_package_and_it_holds_the_agent_unit_users_and_configuration()
    {
        var dpkgDeb = TestEnvironment.RequireTool("dpkg-deb", "dpkg");
        var dist = Path.Combine(TestEnvironment.RepositoryRoot, "dist");
        var deb = Directory.Exists(dist) ? Directory.GetFiles(dist, "altogateway_*_arm64.deb").SingleOrDefault() : null;
        if (deb is null)
        {
            TestEnvironment.RequireFile("dist/altogateway_VERSION_arm64.deb", "run ./publish-arm64.sh first (tests/run-tests.sh does)");
        }

        var (infoExit, info) = await ToolProcess.RunAsync(dpkgDeb, ["--info", deb!]);
        var (contentsExit, contents) = await ToolProcess.RunAsync(dpkgDeb, ["--contents", deb!]);

        Assert.True(infoExit == 0, info);
        Assert.Contains("Package: altogateway", info, StringComparison.Ordinal);
        Assert.Contains("Architecture: arm64", info, StringComparison.Ordinal);
        Assert.True(contentsExit == 0, contents);
        foreach (var path in new[] { "./usr/bin/altogw", "./lib/systemd/system/altogateway.service", "./usr/lib/sysusers.d/altogateway.conf", "./usr/lib/tmpfiles.d/altogateway.conf", "./etc/altogateway/altogateway.json" })
        {
            Assert.Contains(path, contents, StringComparison.Ordinal);
        }
    }
}

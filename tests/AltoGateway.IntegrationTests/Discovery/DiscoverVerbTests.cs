using System.Net;
using System.Net.Sockets;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Discovery;

/// <summary>
/// <c>altogw discover</c> as an operator runs it: the real altogw process asks a real DNS server (Knot DNS on
/// 127.0.0.1 serving RFC 8686 Appendix C.4 and the RFC 7286 example domain) and prints the walk and the servers.
/// </summary>
public sealed class DiscoverVerbTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact(Timeout = 180_000)]
    public async Task Appendix_c4_address_prints_the_walk_and_alto1()
    {
        await using var knot = await KnotServer.StartAsync(DiscoveryTestZones.All, TestContext.Current.CancellationToken);

        var (exit, output) = await DiscoverAsync(DiscoveryTestZones.AppendixC4Address, "--dns", knot.Address);

        Assert.True(exit == 0, output);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains($"XDOMDISC(2001:db8:1:2:227:eff:fe6a:de42/128, ALTO:https) (RFC 8686) asking {knot.Address}", lines);
        Assert.Single(lines, l => l.StartsWith("R128", StringComparison.Ordinal) && l.Contains("NXDOMAIN (negative TTL 300 s)", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("R64", StringComparison.Ordinal) && l.Contains("NODATA", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("R56", StringComparison.Ordinal) && l.Contains("only other services: LIS:HELD", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("R48", StringComparison.Ordinal) && l.Contains("ALTO:https: 1 of 2 NAPTRs (TTL 3600 s)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("R40", StringComparison.Ordinal));
        Assert.Contains("NAPTR 100 10 \"u\" \"ALTO:https\" \"!.*!https://alto1.example.net/ird!\" .", lines);
        Assert.Contains("DNSSEC: not validated (the resolver did not set AD on every answer)", lines);
        Assert.Equal("order 100 preference 10  https://alto1.example.net/ird", lines[^1]);
    }

    [Fact(Timeout = 180_000)]
    public async Task Access_domain_prints_both_servers_best_first()
    {
        await using var knot = await KnotServer.StartAsync(DiscoveryTestZones.All, TestContext.Current.CancellationToken);

        var (exit, output) = await DiscoverAsync("--domain", "Example.NET", "--dns", knot.Address);

        Assert.True(exit == 0, output);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal(
            ["ALTO servers, best first:", "order 100 preference 10  https://alto1.example.net/ird", "order 100 preference 20  https://alto2.example.net/ird"],
            lines[^3..]);
    }

    [Fact(Timeout = 180_000)]
    public async Task No_alto_record_for_the_service_exits_1()
    {
        await using var knot = await KnotServer.StartAsync(DiscoveryTestZones.All, TestContext.Current.CancellationToken);

        // Every name of 2001:db8::/32 answers, but only with ALTO:https or LIS:HELD.
        var (exit, output) = await DiscoverAsync(DiscoveryTestZones.AppendixC4Address, "--service", "ALTO:http", "--dns", knot.Address);

        Assert.True(exit == 1, output);
        Assert.EndsWith("No ALTO server found.", output, StringComparison.Ordinal);
        Assert.Contains("R32", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("198.51.100.0/7", "unsupported prefix length")]
    [InlineData("2001:db8::/31", "unsupported prefix length")]
    [InlineData("not-an-address", "not an IPv4 or IPv6 address")]
    public async Task Bad_parameters_exit_64_without_asking(string target, string message)
    {
        var (exit, output) = await DiscoverAsync(target, "--dns", "127.0.0.1:9");

        Assert.True(exit == 64, output);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_service_and_both_target_and_domain_exit_64()
    {
        var (badService, serviceOutput) = await DiscoverAsync("198.51.100.3", "--service", "ALTO:", "--dns", "127.0.0.1:9");
        var (both, bothOutput) = await DiscoverAsync("198.51.100.3", "--domain", "example.net", "--dns", "127.0.0.1:9");
        var (badDns, dnsOutput) = await DiscoverAsync("198.51.100.3", "--dns", "[::1:53");

        Assert.True(badService == 64, serviceOutput);
        Assert.Contains("ALTO:: not a U-NAPTR service parameter", serviceOutput, StringComparison.Ordinal);
        Assert.True(both == 64, bothOutput);
        Assert.True(badDns == 64, dnsOutput);
    }

    [Fact(Timeout = 180_000)]
    public async Task Unreachable_dns_server_exits_69_and_says_why()
    {
        var closed = ClosedUdpPort();

        var (exit, output) = await DiscoverAsync("198.51.100.3", "--dns", $"127.0.0.1:{closed}");

        Assert.True(exit == 69, output);
        Assert.Contains($"no usable answer from the DNS server 127.0.0.1:{closed} for any name", output, StringComparison.Ordinal);
        Assert.Contains("connection refused", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_documents_the_exit_codes()
    {
        var (exit, output) = await DiscoverAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("64 bad parameters", output, StringComparison.Ordinal);
        Assert.Contains("69 DNS unavailable", output, StringComparison.Ordinal);
        Assert.Contains("--dns", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> DiscoverAsync(params string[] arguments)
    {
        await using var process = AgentProcess.Start(["discover", .. arguments]);
        Assert.True(await process.WaitForExitAsync(Patience), $"altogw discover did not finish:\n{process.Output}");
        return (process.ExitCode, process.Output.Trim());
    }

    private static int ClosedUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}

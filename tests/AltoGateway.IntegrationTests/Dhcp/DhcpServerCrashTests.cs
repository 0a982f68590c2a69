using System.Globalization;
using System.Text.RegularExpressions;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// Crash safety of server mode with the real agent: perfdhcp (Kea's load generator, which speaks as a relay agent
/// from the client side's address) runs four-way exchanges for 200 clients while tcpdump records every DHCPACK the clients receive; the agent is killed with SIGKILL mid-run and
/// started again, perfdhcp going on. Afterwards every (chaddr, yiaddr) a client was ACKed is bound in
/// <c>altogw leases</c>, no client was ever ACKed two addresses (the journal brought its binding back) and no
/// address was ACKed to two clients.
/// </summary>
[Collection(DhcpClientTestGroup.Name)]
public sealed partial class DhcpServerCrashTests
{
    private const string Section = """
        { "Interfaces": [ { "Name": "d0", "V4Mode": "Server", "Subnet": "10.78.0.0/24", "Pools": [ "10.78.0.10-10.78.0.250" ] } ] }
        """;

    [Fact(Timeout = 240_000)]
    public async Task Every_acked_lease_survives_kill_9_under_perfdhcp_load_and_no_address_goes_to_two_clients()
    {
        var perfdhcp = TestEnvironment.RequireTool("perfdhcp", "kea-admin");
        await using var lab = await DhcpLab.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("altogw-dhcp-crash-test-").FullName;
        try
        {
            await using var agent = await DhcpAgent.StartAsync(lab, Section);
            // perfdhcp sends as a relay would (from port 67 of the interface's address, giaddr set): it needs an address.
            await lab.AddClientAddressAsync("10.78.0.2/24");
            await using var capture = await DhcpAckCapture.StartAsync(lab, Path.Combine(folder, "acks.pcap"));

            var load = lab.RunInAsync(lab.Client, perfdhcp, ["-4", "-l", DhcpLab.ClientInterface, "-r", "100", "-R", "200", "-p", "8", "-W", "1000000"]);
            for (var i = 0; i < 400 && capture.Acks().Count < 50; i++)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            var beforeKill = capture.Acks().Count;
            Assert.True(beforeKill > 0, $"no DHCPACK before the kill:\n{(load.IsCompleted ? (await load).Output : "perfdhcp still running")}\n{agent.Process.Output}");
            await agent.RestartAsync(kill: true);
            var (exit, report) = await load;
            await Task.Delay(500, TestContext.Current.CancellationToken); // the last ACKs reach the capture file
            var acks = capture.Acks();
            Assert.True(acks.Count > beforeKill, $"no DHCPACK after the restart ({beforeKill} before); perfdhcp exit {exit}:\n{report}\n{agent.Process.Output}");

            // No client was ever told two addresses, and no address was given to two clients.
            var byClient = acks.GroupBy(a => a.Mac).ToDictionary(g => g.Key, g => g.Select(a => a.Address).Distinct().ToList());
            Assert.All(byClient, c => Assert.True(c.Value.Count == 1, $"{c.Key} was ACKed {string.Join(", ", c.Value)}"));
            var byAddress = acks.GroupBy(a => a.Address).Where(g => g.Select(a => a.Mac).Distinct().Count() > 1).ToList();
            Assert.True(byAddress.Count == 0, $"given to two clients: {string.Join("; ", byAddress.Select(g => $"{g.Key}: {string.Join(", ", g.Select(a => a.Mac).Distinct())}"))}");

            // Every ACKed lease is bound in the restarted agent.
            (exit, var listing) = await agent.LeasesAsync();
            Assert.True(exit == 0, listing);
            var bound = LeaseLine().Matches(listing).ToDictionary(m => m.Groups["mac"].Value.Replace(":", string.Empty, StringComparison.Ordinal), m => m.Groups["address"].Value);
            Assert.All(byClient, c => Assert.True(bound.TryGetValue(c.Key, out var address) && address == c.Value[0].ToString(),
                $"{c.Key} was ACKed {c.Value[0]} but the agent lists {bound.GetValueOrDefault(c.Key) ?? "nothing"}"));
            Assert.True(byClient.Count >= 10, $"only {byClient.Count} clients were ACKed:\n{report}");
            TestContext.Current.SendDiagnosticMessage(string.Create(CultureInfo.InvariantCulture,
                $"{acks.Count} ACKs to {byClient.Count} clients, {beforeKill} before the kill; all bound after the restart"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"^(?<address>\d+\.\d+\.\d+\.\d+) +bound +(?<mac>[0-9a-f:]{17}) ", RegexOptions.Multiline)]
    private static partial Regex LeaseLine();
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// A full disk under server mode, with the real agent: its state directory is a 256 KiB tmpfs. A client gets a
/// lease; the disk is filled; the next client's DHCPREQUEST is decided but its record cannot be written, so its
/// DHCPACK is never sent — the agent keeps running, counts the message as
/// <c>altogw_dhcp_dropped_total{reason="journal-failed"}</c>, logs event 6023 ("… cannot be written …") and reports
/// the <c>dhcp-leases</c> component degraded in /status, naming the journal file. Once there is room again the
/// journal is rewritten without a restart: the client that was refused gets its lease, dhcp-leases is ready again,
/// and after a kill -9 and restart every lease ACKed, before and after the failure, is bound.
/// <para>
/// A file system refuses a write only when it needs a new block: a record appended inside the journal's last,
/// partly used page still fits on a full tmpfs. So before the disk is filled, one client renews until the
/// journal's last page has less room than the refused client's record (28 octets and its 255-octet option 61, the
/// longest there is: echoed, it leaves no room in udhcpc's 576 octets for the ALTO options, which the replies leave
/// out, DhcpV4ReplyFit, instead of not answering).
/// </para>
/// </summary>
[Collection(DhcpClientTestGroup.Name)]
public sealed partial class DhcpJournalFailureTests
{
    private const int PageSize = 4096;

    // A journal record (LeaseRecordCodec) is 28 octets and the client identity, here option 61 as the client sends it.
    private const int ClientIdLength = 255;
    private const int RecordLength = 28 + ClientIdLength;

    /// <summary>A little more than LeaseJournal.RetryAfterFault: how soon a failed journal is tried again.</summary>
    private static readonly TimeSpan LeaseJournalRetry = TimeSpan.FromSeconds(1.5);

    private const string DroppedJournalFailed = "altogw_dhcp_dropped_total{reason=\"journal-failed\"}";
    private const string AcksSent = "altogw_dhcp_replies_total{type=\"ack\",version=\"v4\"}";

    [Fact(Timeout = 240_000)]
    public async Task A_journal_on_a_full_disk_withholds_the_ack_degrades_dhcp_leases_and_the_earlier_leases_survive_a_restart()
    {
        var mount = TestEnvironment.RequireTool("mount", "mount");
        var umount = TestEnvironment.RequireTool("umount", "mount");
        var udhcpc = TestEnvironment.RequireTool("udhcpc", "udhcpc");
        var noScript = TestEnvironment.RequireTool("true", "coreutils");
        await using var lab = await DhcpLab.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("altogw-dhcp-journal-test-").FullName;
        var agent = await DhcpAgent.StartAsync(lab, DhcpServerTests.ServerSection);
        var mounted = false;
        try
        {
            // The state directory becomes a small tmpfs; the first agent is killed so that nothing of it lands there.
            var (exit, output) = await ToolProcess.RunAsync(mount, ["-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", agent.StateDirectory]);
            Assert.True(exit == 0, $"mount failed ({exit}): {output}");
            mounted = true;
            await agent.RestartAsync(kill: true);
            var journal = Path.Combine(agent.StateDirectory, "dhcp4-leases-d0.journal");
            Assert.True(File.Exists(journal), $"no journal at {journal}:\n{agent.Process.Output}");

            // A client gets its lease.
            var first = (await DhcpClients.UdhcpcAsync(lab, Path.Combine(folder, "first"), [])).Last("bound")["ip"];

            // Another client renews until one more record of RecordLength octets no longer fits in the journal's last page
            // (when the agent's per-client rate limit drops a message, udhcpc sends it again a second later).
            var padId = ClientId(0x50);
            string? padAddress = null;
            var size = new FileInfo(journal).Length;
            for (var renewals = 0; PageSize - (size % PageSize) >= RecordLength; renewals++)
            {
                Assert.True(renewals < 30, $"the journal does not grow as expected: {size} octets");
                await lab.ResetClientAsync();
                (padAddress, output) = await RunUdhcpcAsync(lab, udhcpc, noScript, padId, TimeSpan.FromSeconds(15));
                Assert.True(padAddress is not null, $"the padding client got no lease:\n{output}\n{agent.Process.Output}");
                var grown = new FileInfo(journal).Length;
                Assert.True(grown - size == RecordLength, $"an ACK added {grown - size} octets to the journal, not {RecordLength}");
                size = grown;
            }

            Assert.True(padAddress is not null, "the journal's last page was full before any renewal");
            Assert.True(DhcpAgent.Sample(await agent.MetricsAsync(), "altogw_dhcp_options_left_out_total") >= 1, "the 255-octet client's replies left nothing out");

            // The disk is filled.
            FillUntilFull(Path.Combine(agent.StateDirectory, "fill"));
            Assert.Equal(0, new DriveInfo(agent.StateDirectory).AvailableFreeSpace);
            var acksBefore = DhcpAgent.Sample(await agent.MetricsAsync(), AcksSent);

            // The next client is offered an address, but its DHCPACK never comes.
            await lab.ResetClientAsync();
            var refusedId = ClientId(0x42);
            var (refused, refusedOutput) = await RunUdhcpcAsync(lab, udhcpc, noScript, refusedId, TimeSpan.FromSeconds(10));
            Assert.True(refused is null, $"the client got {refused} on a full disk:\n{refusedOutput}");
            Assert.True(Regex.IsMatch(refusedOutput, "select for [0-9.]+, server "), $"the client was not even offered an address:\n{refusedOutput}");

            // The agent runs on, counts the drop, logs it and reports dhcp-leases degraded.
            Assert.False(agent.Process.HasExited, $"the agent exited:\n{agent.Process.Output}");
            var metrics = await agent.MetricsAsync();
            Assert.True(DhcpAgent.Sample(metrics, DroppedJournalFailed) >= 1,
                $"{DroppedJournalFailed} is {DhcpAgent.Sample(metrics, DroppedJournalFailed)}; dhcp series: {string.Join(", ", metrics.Keys.Where(k => k.StartsWith("altogw_dhcp_", StringComparison.Ordinal)))}");
            Assert.Equal(acksBefore, DhcpAgent.Sample(metrics, AcksSent));
            Assert.True(Regex.IsMatch(agent.Process.Output, @"\[6023\]\s+DHCPv4 lease journal of d0 cannot be written"), $"no event 6023 logged:\n{agent.Process.Output}");
            using (var status = JsonDocument.Parse(await agent.Http.GetStringAsync($"{DhcpAgent.LanUrl}/status", TestContext.Current.CancellationToken)))
            {
                var leases = status.RootElement.GetProperty("components").EnumerateArray()
                    .Single(c => c.GetProperty("name").GetString() == "dhcp-leases");
                Assert.Equal("degraded", leases.GetProperty("state").GetString());
                var reason = leases.GetProperty("reason").GetString();
                Assert.Contains("lease journal cannot be written", reason, StringComparison.Ordinal);
                Assert.Matches(@"dhcp4-leases-d0\.journal(?!\.tmp)", reason); // the journal is named, not only a temporary file
            }

            // With room again the journal is rewritten from the table (at most once a second), without a restart: the
            // refused client now gets its lease, and dhcp-leases is ready again.
            File.Delete(Path.Combine(agent.StateDirectory, "fill"));
            await Task.Delay(LeaseJournalRetry, TestContext.Current.CancellationToken);
            await lab.ResetClientAsync();
            (refused, refusedOutput) = await RunUdhcpcAsync(lab, udhcpc, noScript, refusedId, TimeSpan.FromSeconds(15));
            Assert.True(refused is not null, $"the refused client got no lease once there was room again:\n{refusedOutput}\n{agent.Process.Output}");
            Assert.True(Regex.IsMatch(agent.Process.Output, @"\[6024\]\s+DHCPv4 lease journal of d0 is written again"), $"no event 6024 logged:\n{agent.Process.Output}");
            using (var status = JsonDocument.Parse(await agent.Http.GetStringAsync($"{DhcpAgent.LanUrl}/status", TestContext.Current.CancellationToken)))
            {
                var leases = status.RootElement.GetProperty("components").EnumerateArray()
                    .Single(c => c.GetProperty("name").GetString() == "dhcp-leases");
                Assert.Equal("ready", leases.GetProperty("state").GetString());
            }

            // After a restart every lease ACKed is bound: before the failure, and after it.
            await agent.RestartAsync(kill: true);
            (exit, var listing) = await agent.LeasesAsync();
            Assert.True(exit == 0, listing);
            Assert.Matches($"(?m)^{Regex.Escape(first)} +bound ", listing);
            Assert.Matches($"(?m)^{Regex.Escape(padAddress)} +bound ", listing);
            Assert.Matches($"(?m)^{Regex.Escape(refused)} +bound ", listing);
        }
        finally
        {
            // The agent holds the journal open: it must be gone before the tmpfs can be unmounted, and the tmpfs gone before its folder is deleted.
            await agent.Process.KillAsync();
            if (mounted)
            {
                var (exit, output) = await ToolProcess.RunAsync(umount, [agent.StateDirectory]);
                if (exit != 0)
                {
                    await ToolProcess.RunAsync(umount, ["-l", agent.StateDirectory]);
                    Assert.Fail($"umount {agent.StateDirectory} failed ({exit}): {output}");
                }
            }

            await agent.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Option 61 of <see cref="ClientIdLength"/> octets, in hex: type 255 (RFC 4361), then <paramref name="fill"/>.</summary>
    private static string ClientId(byte fill) => "ff" + Convert.ToHexStringLower(Enumerable.Repeat(fill, ClientIdLength - 1).ToArray());

    /// <summary>
    /// udhcpc with client identifier <paramref name="clientId"/>, without a script (nothing configured), ended after
    /// <paramref name="patience"/>: the address it was ACKed, or null.
    /// </summary>
    private static async Task<(string? Address, string Output)> RunUdhcpcAsync(DhcpLab lab, string udhcpc, string noScript, string clientId, TimeSpan patience)
    {
        var (_, output) = await ToolProcess.RunAsync("timeout",
        [
            ((int)patience.TotalSeconds).ToString(CultureInfo.InvariantCulture), "ip", "netns", "exec", lab.Client,
            udhcpc, "-i", DhcpLab.ClientInterface, "-n", "-q", "-f", "-t", "3", "-T", "1", "-s", noScript, "-x", $"0x3d:{clientId}",
        ]);
        var lease = LeaseObtained().Match(output);
        return (lease.Success ? lease.Groups["address"].Value : null, output);
    }

    /// <summary>Writes zeros to <paramref name="path"/> until the file system has no room left.</summary>
    private static void FillUntilFull(string path)
    {
        var block = new byte[PageSize];
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        try
        {
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full.
        }
    }

    [GeneratedRegex(@"lease of (?<address>\d+\.\d+\.\d+\.\d+) obtained")]
    private static partial Regex LeaseObtained();
}

using System.Diagnostics;
using System.Globalization;
using AltoGateway.Tests.Shared;

namespace AltoGateway.Benchmarks;

/// <summary>
/// Issue 2's targets: binary size, start to READY=1 (native x64 NativeAOT and arm64 NativeAOT under
/// qemu user-mode), idle resident memory next to dnsmasq and Kea idling on the same machine.
/// </summary>
internal static class StartupBenchmark
{
    private const string Arm64Binary = "dist/altogw-linux-arm64/altogw";
    private const string X64Binary = "dist/altogw-linux-x64/altogw";
    private const string Harness = "hardware/emulated/run-arm64.sh";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);
    private static readonly string[] SystemBinaryFolders = ["/usr/sbin", "/usr/bin", "/sbin"];

    public static async Task<int> RunAsync(int runs)
    {
        var rows = new BenchmarkTable();
        var arm64 = Path.Combine(RepositoryPaths.Root, Arm64Binary);
        var x64 = Path.Combine(RepositoryPaths.Root, X64Binary);

        if (File.Exists(arm64))
        {
            rows.Add("binary size", "arm64 NativeAOT", Megabytes(new FileInfo(arm64).Length), "target <= 15 MB");
        }

        if (File.Exists(x64))
        {
            rows.Add("binary size", "x64 NativeAOT", Megabytes(new FileInfo(x64).Length), "(for comparison)");
            var (ready, rss) = await MeasureAgentAsync(x64, [], runs);
            rows.Add("start to READY", $"x64 NativeAOT, median of {runs}", Seconds(ready), "target <= 0.3 s");
            rows.Add("idle RSS", $"altogw x64 NativeAOT after {Idle.TotalSeconds:0} s", Megabytes(rss), "target <= 30 MB");
            var dnsmasq = await IdleRssAsync("dnsmasq", DnsmasqArguments());
            var kea = await IdleRssAsync("kea-dhcp4", KeaArguments());
            rows.Add("idle RSS", "dnsmasq (anchor)", dnsmasq is null ? "not installed" : Megabytes(dnsmasq.Value), Ratio(rss, dnsmasq));
            rows.Add("idle RSS", "kea-dhcp4 (anchor)", kea is null ? "not installed" : Megabytes(kea.Value), Ratio(rss, kea));
        }

        if (File.Exists(arm64))
        {
            var harness = Path.Combine(RepositoryPaths.Root, Harness);
            var (ready, _) = await MeasureAgentAsync(harness, [], runs);
            rows.Add("start to READY", $"arm64 NativeAOT under qemu-aarch64-static, median of {runs}", Seconds(ready), "target <= 3 s");
        }

        rows.Print();
        return 0;
    }

    /// <summary>Median start-to-READY=1 over the runs, and the resident memory after idling in the last run.</summary>
    private static async Task<(TimeSpan Ready, long Rss)> MeasureAgentAsync(string command, string[] prefix, int runs)
    {
        var times = new List<TimeSpan>();
        long rss = 0;

        // One state folder for all runs: the first start makes the peer-ID key, the others find it,
        // as on a box that has started before.
        var state = Directory.CreateTempSubdirectory("altogw-bench-state-").FullName;
        for (var run = 0; run < runs; run++)
        {
            using var notify = new NotifySocket();
            var environment = new Dictionary<string, string>
            {
                ["NOTIFY_SOCKET"] = notify.Path,
                ["ALTOGW__State__Directory"] = state,
                ["ALTOGW__Http__Lan__Urls__0"] = $"http://127.0.0.1:{FreePort.Next()}",
                ["ALTOGW__Http__Wan__Urls__0"] = $"http://127.0.0.1:{FreePort.Next()}",
            };
            var clock = Stopwatch.StartNew();
            await using var agent = AgentProcess.StartCommand(command, [.. prefix, "run"], environment);
            await notify.WaitForAsync(n => n == "READY=1", TimeSpan.FromSeconds(120), "READY=1");
            times.Add(clock.Elapsed);
            if (run == runs - 1)
            {
                await Task.Delay(Idle);
                rss = ResidentBytes(agent.Id);
            }

            agent.Terminate();
            await agent.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        Directory.Delete(state, recursive: true);
        times.Sort();
        return (times[times.Count / 2], rss);
    }

    private static async Task<long?> IdleRssAsync(string tool, string[] arguments)
    {
        var path = SystemBinaryFolders.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            return null;
        }

        await using var process = AgentProcess.StartCommand(path, arguments);
        await Task.Delay(Idle);
        if (process.HasExited)
        {
            Console.Error.WriteLine($"{tool} exited early ({process.ExitCode}):\n{process.Output}");
            return null;
        }

        return ResidentBytes(process.Id);
    }

    private static string[] DnsmasqArguments() =>
        ["--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--bind-interfaces",
         "--listen-address=127.0.0.1", $"--port={FreePort.Next()}", $"--pid-file={Path.Combine(Path.GetTempPath(), "altogw-bench-dnsmasq.pid")}"];

    private static string[] KeaArguments()
    {
        var folder = Directory.CreateTempSubdirectory("altogw-bench-kea-").FullName;
        var config = Path.Combine(folder, "kea-dhcp4.conf");
        File.WriteAllText(config, $$"""
            { "Dhcp4": {
                "interfaces-config": { "interfaces": [ ] },
                "lease-database": { "type": "memfile", "persist": true, "name": "{{Path.Combine(folder, "leases.csv")}}" },
                "subnet4": [ ]
            } }
            """);
        Environment.SetEnvironmentVariable("KEA_PIDFILE_DIR", folder);
        Environment.SetEnvironmentVariable("KEA_LOCKFILE_DIR", folder);
        return ["-c", config];
    }

    /// <summary>VmRSS of /proc/PID/status, in bytes.</summary>
    private static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes * 1024;
    }

    private static string Megabytes(long bytes) => $"{bytes / 1_000_000.0:0.0} MB";

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds:0.000} s";

    private static string Ratio(long ours, long? anchor) =>
        anchor is null or 0 ? "anchor" : $"anchor; altogw/anchor = {ours / (double)anchor.Value:0.00}";
}

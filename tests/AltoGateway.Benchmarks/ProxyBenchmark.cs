using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AltoGateway.Nat.PortBlocks;
using AltoGateway.Tests.Shared;

namespace AltoGateway.Benchmarks;

/// <summary>
/// The third-party proxy's throughput and latency, measured with wrk against the NativeAOT x64
/// agent (CGN mode, built-in upstream, the swarm's port-block plan of 16,384 subscribers and its
/// static mappings): one ECS of 1 source × 100 destinations, (a) straight to the built-in server
/// with the subscribers' internal <c>ipv4:</c> addresses (the anchor) and (b) through the proxy
/// with the same peers named <c>altogwipv4port:</c> public address:port, so that every request
/// resolves 101 names through the NAT map. Same wrk settings, same agent, one run after the other.
/// </summary>
internal static partial class ProxyBenchmark
{
    public const string X64Binary = "dist/altogw-linux-x64/altogw";
    private const int Threads = 1;
    private const int Rounds = 3;
    private const double TargetRequestsPerSecond = 10_000;
    private const double TargetLatencyRatio = 1.3;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(int seconds, int connections)
    {
        var model = new SwarmModel(others: 10_000, close: 100);
        var names = model.PublicNames(PlanEndpoint());

        // Peer 0 asks about 48 near and 48 far port-block subscribers and the 4 static ones.
        int[] dstPeers = [.. Enumerable.Range(1, 48), .. Enumerable.Range(model.Close + 1, 48)];
        var statics = Enumerable.Range(1, SwarmModel.StaticMappings).Select(SwarmModel.StaticMapping).ToArray();
        var directDsts = dstPeers.Select(p => $"ipv4:{model.Address(p)}").Concat(statics.Select(s => $"ipv4:{s.Internal}")).ToArray();
        var proxyDsts = dstPeers.Select(p => names[p]).Concat(statics.Select(s => s.Public)).ToArray();
        var direct = SwarmModel.CostRequest("numerical", $"ipv4:{model.Address(0)}", directDsts);
        var proxied = SwarmModel.CostRequest("numerical", names[0], proxyDsts);

        await using var agent = await StartAgentAsync();
        var directRow = await agent.CostRowAsync("/endpointcost", direct);
        var proxyRow = await agent.CostRowAsync("/proxy/endpointcost", proxied);
        var mismatches = Enumerable.Range(0, directDsts.Length)
            .Where(i => !directRow.TryGetValue(directDsts[i], out var a) || !proxyRow.TryGetValue(proxyDsts[i], out var b) || a != b)
            .Select(i => $"{proxyDsts[i]} (ipv4:{directDsts[i]})").ToList();
        if (directRow.Count != 100 || proxyRow.Count != 100 || mismatches.Count > 0)
        {
            Console.Error.WriteLine($"the answers differ: direct {directRow.Count} costs, proxy {proxyRow.Count} costs; not equal name for name: {string.Join(", ", mismatches)}");
            return 1;
        }

        var scripts = Directory.CreateTempSubdirectory("altogw-bench-wrk-").FullName;
        try
        {
            var directScript = WriteScript(scripts, "direct.lua", direct);
            var proxyScript = WriteScript(scripts, "proxy.lua", proxied);
            await Wrk.RunAsync(agent.WanBase + "/endpointcost", directScript, Threads, connections, Warmup);
            await Wrk.RunAsync(agent.WanBase + "/proxy/endpointcost", proxyScript, Threads, connections, Warmup);
            // Direct and proxy alternate, Rounds times each, and each figure is the median of its
            // rounds: on a shared 2-core machine a burst of other work then hits both sides alike.
            var duration = TimeSpan.FromSeconds(seconds);
            var (a, b) = await MedianAsync(() => Wrk.RunAsync(agent.WanBase + "/endpointcost", directScript, Threads, connections, duration),
                                      () => Wrk.RunAsync(agent.WanBase + "/proxy/endpointcost", proxyScript, Threads, connections, duration));

            // One request at a time: the latency a tracker sees when the agent is not saturated.
            var (a1, b1) = await MedianAsync(() => Wrk.RunAsync(agent.WanBase + "/endpointcost", directScript, Threads, 1, duration),
                                       () => Wrk.RunAsync(agent.WanBase + "/proxy/endpointcost", proxyScript, Threads, 1, duration));
            if (agent.HasExited)
            {
                Console.Error.WriteLine($"altogw exited during the run:\n{agent.Output}");
                return 1;
            }

            var settings = $"wrk -t{Threads} -c{connections} and -c1, -d{seconds}s, median of {Rounds} alternating rounds, {Environment.ProcessorCount} cores shared with altogw";
            Console.WriteLine($"ECS 1 src x 100 dsts, altogw x64 NativeAOT (CGN mode, built-in upstream), {settings}");
            var rows = new BenchmarkTable();
            rows.Add("requests/s", "direct: built-in server, 101 ipv4:", Rate(a.RequestsPerSecond), "anchor");
            rows.Add("requests/s", "proxy: 101 altogwipv4port: via NAT map", Rate(b.RequestsPerSecond),
                $"target >= {Rate(TargetRequestsPerSecond)}: {Verdict(b.RequestsPerSecond >= TargetRequestsPerSecond)}");
            rows.Add("requests/s", "proxy/direct", Ratio(b.RequestsPerSecond, a.RequestsPerSecond), "(for comparison)");
            AddLatencies(rows, $"-c{connections}", a, b);
            AddLatencies(rows, "-c1", a1, b1);
            rows.Print();
            return 0;
        }
        finally
        {
            Directory.Delete(scripts, recursive: true);
        }
    }

    /// <summary>Direct and proxy runs, alternating, <see cref="Rounds"/> each; the median of each figure per side.</summary>
    private static async Task<(WrkFigures Direct, WrkFigures Proxy)> MedianAsync(Func<Task<WrkFigures>> direct, Func<Task<WrkFigures>> proxy)
    {
        var directRuns = new List<WrkFigures>();
        var proxyRuns = new List<WrkFigures>();
        for (var round = 0; round < Rounds; round++)
        {
            directRuns.Add(await direct());
            proxyRuns.Add(await proxy());
        }

        return (Median(directRuns), Median(proxyRuns));
    }

    private static WrkFigures Median(List<WrkFigures> runs) => new(
        runs.Select(r => r.RequestsPerSecond).Order().ElementAt(runs.Count / 2),
        runs.Select(r => r.P50).Order().ElementAt(runs.Count / 2),
        runs.Select(r => r.P99).Order().ElementAt(runs.Count / 2));

    /// <summary>p50 and p99 of both, and the ratios against the target, for one wrk concurrency.</summary>
    private static void AddLatencies(BenchmarkTable rows, string load, WrkFigures direct, WrkFigures proxy)
    {
        foreach (var (name, a, b) in new[] { ("p50", direct.P50, proxy.P50), ("p99", direct.P99, proxy.P99) })
        {
            rows.Add($"{name} {load}", "direct", Milliseconds(a), "anchor");
            rows.Add($"{name} {load}", "proxy", Milliseconds(b), "");
            rows.Add($"{name} {load}", "proxy/direct", Ratio(b, a), $"target <= {TargetLatencyRatio:0.0}: {Verdict(b <= TargetLatencyRatio * a)}");
        }
    }

    /// <summary>Where the agent's RFC 7422 plan puts an internal address: its public address and the first port of its block.</summary>
    public static Func<IPAddress, (IPAddress Address, ushort Port)> PlanEndpoint()
    {
        var settings = new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse(SwarmModel.InsidePrefix),
            OutsidePool = [IPNetwork.Parse(SwarmModel.OutsidePool)],
            CompressionRatio = SwarmModel.CompressionRatio,
            ReservedPorts = new PortRange(0, SwarmModel.FirstUnreservedPort - 1),
        };
        if (!DeterministicNatPlan.TryCreate(settings, out var plan, out var problems))
        {
            throw new InvalidOperationException(string.Join("; ", problems.Select(p => p.Message)));
        }

        return address => plan.TryMapInside(address, out var block)
            ? (block.ExternalAddress, block.FirstPort)
            : throw new InvalidOperationException($"{address} is not in the plan");
    }

    /// <summary>The NativeAOT x64 agent with <see cref="SwarmModel.AgentConfiguration"/>.</summary>
    public static Task<SwarmAgent> StartAgentAsync() => SwarmAgent.StartAsync(Path.Combine(RepositoryPaths.Root, X64Binary));

    private static string WriteScript(string folder, string name, string body)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, $"""
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "{SwarmAgent.CostParams}"
            wrk.headers["Accept"] = "application/alto-endpointcost+json, application/alto-error+json"
            wrk.body = [==[{body}]==]
            """);
        return path;
    }

    private static string Rate(double perSecond) => $"{perSecond:#,0} req/s";

    private static string Milliseconds(TimeSpan t) => $"{t.TotalMilliseconds:0.000} ms";

    private static string Ratio(double ours, double anchor) => $"{ours / anchor:0.00}";

    private static string Ratio(TimeSpan ours, TimeSpan anchor) => Ratio(ours.TotalMilliseconds, anchor.TotalMilliseconds);

    private static string Verdict(bool pass) => pass ? "PASS" : "FAIL";

    /// <summary>One wrk run and the figures of its output.</summary>
    private static partial class Wrk
    {
        public static async Task<WrkFigures> RunAsync(string url, string script, int threads, int connections, TimeSpan duration)
        {
            var start = new ProcessStartInfo("wrk", ["--latency", $"-t{threads}", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "-s", script, url])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
            var output = await wrk.StandardOutput.ReadToEndAsync();
            var errors = await wrk.StandardError.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            if (wrk.ExitCode != 0 || NonSuccess().IsMatch(output) || SocketErrors().IsMatch(output))
            {
                throw new InvalidOperationException($"wrk against {url} reported failures (exit {wrk.ExitCode}):\n{output}{errors}");
            }

            return new WrkFigures(double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture), Percentile(output, "50"), Percentile(output, "99"));
        }

        private static TimeSpan Percentile(string output, string percent)
        {
            var match = Regex.Match(output, $@"^\s+{percent}(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
            if (!match.Success)
            {
                throw new InvalidOperationException($"no {percent}% latency in wrk's output:\n{output}");
            }

            var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return match.Groups[2].Value switch
            {
                "us" => TimeSpan.FromMicroseconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                _ => TimeSpan.FromSeconds(value),
            };
        }

        [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
        private static partial Regex RequestsPerSecond();

        [GeneratedRegex(@"Non-2xx or 3xx responses")]
        private static partial Regex NonSuccess();

        [GeneratedRegex(@"Socket errors")]
        private static partial Regex SocketErrors();
    }

    /// <summary>What one wrk run measured.</summary>
    private readonly record struct WrkFigures(double RequestsPerSecond, TimeSpan P50, TimeSpan P99);
}

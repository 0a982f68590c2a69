using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AltoGateway.Tests.Shared;

namespace AltoGateway.Benchmarks;

/// <summary>
/// The discovery responder's NAPTR queries per second, measured with dnsperf against the NativeAOT x64
/// agent and against Knot DNS (the anchor) serving the same records on the same machine: an access
/// domain (RFC 7286) and the reverse zone of a /24 public pool with one NAPTR per address (RFC 8686
/// R32). Knot's zone is written from the agent's own answers (dig), so both serve the same records;
/// a sample of answers is compared before anything is timed. Target: ours ≥ 50 % of Knot's.
/// </summary>
internal static partial class DnsResponderBenchmark
{
    private const string AccessDomain = "isp.example.";
    private const string Pool = "198.18.0.0/24";
    private const string ReverseApex = "0.18.198.in-addr.arpa.";
    private const int Rounds = 3;
    private const int Clients = 16;
    private const int Outstanding = 256;
    private const double TargetRatio = 0.5;

    public static async Task<int> RunAsync(int seconds)
    {
        foreach (var (tool, package) in new[] { ("dnsperf", "dnsperf"), ("knotd", "knot"), ("dig", "dnsutils") })
        {
            if (FindTool(tool) is null)
            {
                Console.Error.WriteLine($"{tool} is missing (apt-get install {package}; tests/AltoGateway.Benchmarks/run.sh does it as root)");
                return 1;
            }
        }

        var folder = Directory.CreateTempSubdirectory("altogw-bench-dns-").FullName;
        try
        {
            var names = Enumerable.Range(0, 256).Select(i => $"{i}.{ReverseApex}").Prepend(AccessDomain).ToList();
            var queries = Path.Combine(folder, "queries.txt");
            await File.WriteAllLinesAsync(queries, names.Select(n => $"{n} NAPTR"));

            await using var agent = await StartAgentAsync(folder);
            var zones = new Dictionary<string, string>
            {
                [AccessDomain] = await ZoneFromAgentAsync(agent.Port, AccessDomain, [AccessDomain]),
                [ReverseApex] = await ZoneFromAgentAsync(agent.Port, ReverseApex, names.Skip(1)),
            };
            using var knot = await StartKnotAsync(folder, zones);

            foreach (var name in new[] { AccessDomain, $"0.{ReverseApex}", $"77.{ReverseApex}", $"255.{ReverseApex}" })
            {
                var ours = await DigAsync(agent.Port, name, "NAPTR");
                var theirs = await DigAsync(knot.Port, name, "NAPTR");
                if (ours.Length == 0 || ours != theirs)
                {
                    Console.Error.WriteLine($"the answers for {name} differ:\naltogw:\n{ours}\nknot:\n{theirs}");
                    return 1;
                }
            }

            // Warm both, then alternate: a burst of other work on the shared cores hits both alike.
            await DnsPerf.RunAsync(knot.Port, queries, 2);
            await DnsPerf.RunAsync(agent.Port, queries, 2);
            var knotRuns = new List<DnsPerfFigures>();
            var ourRuns = new List<DnsPerfFigures>();
            for (var round = 0; round < Rounds; round++)
            {
                knotRuns.Add(await DnsPerf.RunAsync(knot.Port, queries, seconds));
                ourRuns.Add(await DnsPerf.RunAsync(agent.Port, queries, seconds));
            }

            if (agent.HasExited)
            {
                Console.Error.WriteLine($"altogw exited during the run:\n{agent.Output}");
                return 1;
            }

            var k = Median(knotRuns);
            var o = Median(ourRuns);
            Console.WriteLine($"NAPTR queries over UDP, {names.Count} names (RFC 7286 access domain + RFC 8686 R32 of a /24), "
                + $"dnsperf -c{Clients} -q{Outstanding} -l{seconds}, median of {Rounds} alternating rounds, {Environment.ProcessorCount} cores shared");
            var rows = new BenchmarkTable();
            rows.Add("queries/s", $"knot {KnotVersion()} (default workers)", $"{k.QueriesPerSecond:#,0} q/s", "anchor");
            rows.Add("queries/s", "altogw discovery responder", $"{o.QueriesPerSecond:#,0} q/s", "");
            rows.Add("queries/s", "altogw/knot", $"{o.QueriesPerSecond / k.QueriesPerSecond:0.00}",
                $"target >= {TargetRatio:0.0}: {(o.QueriesPerSecond >= TargetRatio * k.QueriesPerSecond ? "PASS" : "FAIL")}");
            rows.Add("lost", "knot", $"{k.LostPercent:0.00} %", "");
            rows.Add("lost", "altogw", $"{o.LostPercent:0.00} %", "");
            rows.Print();
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DnsPerfFigures Median(List<DnsPerfFigures> runs) => new(
        runs.Select(r => r.QueriesPerSecond).Order().ElementAt(runs.Count / 2),
        runs.Select(r => r.LostPercent).Order().ElementAt(runs.Count / 2));

    /// <summary>The agent with the responder on a loopback port, serving <see cref="AccessDomain"/> and the reverse names of <see cref="Pool"/>.</summary>
    private static async Task<ResponderAgent> StartAgentAsync(string folder)
    {
        var binary = Path.Combine(RepositoryPaths.Root, ProxyBenchmark.X64Binary);
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"{binary} is missing: dotnet publish src/AltoGateway.Host -c Release -r linux-x64 -p:PublishAot=true -o dist/altogw-linux-x64", binary);
        }

        var (lan, wan, dns) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var config = Path.Combine(folder, "altogateway.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Logging": { "LogLevel": { "Default": "Warning" } },
              "Http": { "Lan": { "Urls": [ "http://127.0.0.1:{{lan}}" ] }, "Wan": { "Urls": [ "http://127.0.0.1:{{wan}}" ] } },
              "State": { "Directory": "{{Path.Combine(folder, "state")}}" },
              "Discovery": {
                "Enabled": true,
                "Listen": [ "127.0.0.1:{{dns}}" ],
                "AccessDomains": [ "{{AccessDomain}}" ],
                "ReversePrefixes": [ "{{Pool}}" ],
                "Ipv4ReverseLevel": 32
              }
            }
            """);
        var process = AgentProcess.StartCommand(binary, ["run", "--config", config]);
        var agent = new ResponderAgent(process, dns);
        using var http = new HttpClient();
        using var ready = await process.WaitForHttpAsync(http, $"http://127.0.0.1:{lan}/healthz", TimeSpan.FromSeconds(30));
        if (ready.StatusCode != System.Net.HttpStatusCode.OK)
        {
            await agent.DisposeAsync();
            throw new InvalidOperationException($"altogw did not become ready ({ready.StatusCode}):\n{process.Output}");
        }

        return agent;
    }

    /// <summary>A master file of <paramref name="apex"/>: the agent's SOA, NS and the NAPTRs of <paramref name="names"/>, as dig prints them.</summary>
    private static async Task<string> ZoneFromAgentAsync(int port, string apex, IEnumerable<string> names)
    {
        var zone = new StringBuilder();
        zone.AppendLine(await DigAsync(port, apex, "SOA")).AppendLine(await DigAsync(port, apex, "NS"));
        foreach (var name in names)
        {
            zone.AppendLine(await DigAsync(port, name, "NAPTR"));
        }

        var text = zone.ToString();
        return text.Contains("SOA", StringComparison.Ordinal) && text.Contains("NAPTR", StringComparison.Ordinal)
            ? text
            : throw new InvalidOperationException($"the agent did not answer for {apex}:\n{text}");
    }

    /// <summary>The answer section of one query, sorted, in master-file form.</summary>
    private static async Task<string> DigAsync(int port, string name, string type)
    {
        var (exit, output) = await RunAsync("dig", ["+noall", "+answer", "+nocookie", "@127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), name, type]);
        if (exit != 0)
        {
            throw new InvalidOperationException($"dig {name} {type} on port {port} failed ({exit}): {output}");
        }

        return string.Join('\n', output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
    }

    private static KnotProcess LaunchKnot(string folder, IReadOnlyDictionary<string, string> zones, int port)
    {
        var knotFolder = Directory.CreateDirectory(Path.Combine(folder, "knot")).FullName;
        var config = new StringBuilder()
            .AppendLine("server:")
            .AppendLine($"    rundir: \"{knotFolder}\"")
            .AppendLine($"    listen: 127.0.0.1@{port}")
            .AppendLine("database:")
            .AppendLine($"    storage: \"{Path.Combine(knotFolder, "db")}\"")
            .AppendLine("control:")
            .AppendLine($"    listen: \"{Path.Combine(knotFolder, "knot.sock")}\"")
            .AppendLine("log:")
            .AppendLine("  - target: stderr")
            .AppendLine("    any: warning")
            .AppendLine("template:")
            .AppendLine("  - id: default")
            .AppendLine($"    storage: \"{knotFolder}\"")
            .AppendLine("    zonefile-sync: -1")
            .AppendLine("    journal-content: none")
            .AppendLine("zone:");
        var index = 0;
        foreach (var (apex, text) in zones)
        {
            var file = $"zone{index++}.db";
            File.WriteAllText(Path.Combine(knotFolder, file), text);
            config.AppendLine($"  - domain: {apex}").AppendLine($"    file: \"{file}\"");
        }

        var configPath = Path.Combine(knotFolder, "knot.conf");
        File.WriteAllText(configPath, config.ToString());
        var start = new ProcessStartInfo(FindTool("knotd")!, ["-c", configPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return new KnotProcess(Process.Start(start) ?? throw new InvalidOperationException("knotd did not start"), port);
    }

    private static async Task<KnotProcess> StartKnotAsync(string folder, IReadOnlyDictionary<string, string> zones)
    {
        var knot = LaunchKnot(folder, zones, FreePort.Next());
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (knot.Process.HasExited)
            {
                throw new InvalidOperationException($"knotd exited: {await knot.Process.StandardError.ReadToEndAsync()}");
            }

            var (exit, output) = await RunAsync("dig", ["+short", "+tries=1", "+time=1", "@127.0.0.1", "-p", knot.Port.ToString(CultureInfo.InvariantCulture), AccessDomain, "SOA"]);
            if (exit == 0 && output.Trim().Length > 0)
            {
                return knot;
            }

            await Task.Delay(100);
        }

        knot.Dispose();
        throw new InvalidOperationException("knotd did not answer within 10 s");
    }

    private static string KnotVersion()
    {
        var (_, output) = RunAsync("knotd", ["--version"]).GetAwaiter().GetResult();
        return KnotVersionPattern().Match(output) is { Success: true } m ? m.Value : "?";
    }

    private static async Task<(int Exit, string Output)> RunAsync(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(FindTool(tool) ?? tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private static string? FindTool(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin"])
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"\d+\.\d+\.\d+")]
    private static partial Regex KnotVersionPattern();

    private sealed record DnsPerfFigures(double QueriesPerSecond, double LostPercent);

    private sealed class ResponderAgent(AgentProcess process, int port) : IAsyncDisposable
    {
        public int Port => port;

        public bool HasExited => process.HasExited;

        public string Output => process.Output;

        public ValueTask DisposeAsync() => process.DisposeAsync();
    }

    private sealed class KnotProcess(Process process, int port) : IDisposable
    {
        public Process Process => process;

        public int Port => port;

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }
    }

    /// <summary>One dnsperf run and the figures of its output.</summary>
    private static partial class DnsPerf
    {
        public static async Task<DnsPerfFigures> RunAsync(int port, string queries, int seconds)
        {
            var (exit, output) = await DnsResponderBenchmark.RunAsync("dnsperf",
            [
                "-s", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-d", queries,
                "-l", seconds.ToString(CultureInfo.InvariantCulture), "-c", Clients.ToString(CultureInfo.InvariantCulture),
                "-q", Outstanding.ToString(CultureInfo.InvariantCulture), "-T", "2",
            ]);
            var qps = QueriesPerSecond().Match(output);
            var lost = Lost().Match(output);
            if (exit != 0 || !qps.Success || !lost.Success)
            {
                throw new InvalidOperationException($"dnsperf against port {port} failed (exit {exit}):\n{output}");
            }

            return new DnsPerfFigures(
                double.Parse(qps.Groups[1].Value, CultureInfo.InvariantCulture),
                double.Parse(lost.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        [GeneratedRegex(@"Queries per second:\s+([\d.]+)")]
        private static partial Regex QueriesPerSecond();

        [GeneratedRegex(@"Queries lost:\s+\d+ \(([\d.]+)%\)")]
        private static partial Regex Lost();
    }
}

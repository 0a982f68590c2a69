using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AltoGateway.Tests.Shared;

namespace AltoGateway.Benchmarks;

/// <summary>
/// DHCPv4 four-way exchanges (DISCOVER, OFFER, REQUEST, ACK) per second at under 1 % drops, measured
/// with perfdhcp (Debian's kea-admin) over a veth between two network namespaces, against the x64
/// NativeAOT agent in server mode, dnsmasq (<c>--no-ping</c>) and Kea (memfile, persisted), one after
/// the other in the same run, each with a /16 pool and fresh lease state. perfdhcp acts as a relay
/// (its address as giaddr, as it always does), with 20,000 distinct clients. The offered rate rises
/// from 250/s (doubling, then in steps of half) until a server drops 1 % or more of either exchange, and is
/// then bisected between the last rate it held and that one, down to steps of 1/16; its figure is the best
/// rate it sustained. Targets: ours ≥ dnsmasq and ≥ 2× Kea. <c>DHCP_SERVERS</c> (say "altogw,kea") measures
/// only those, for a quick look.
/// <para>
/// Each run also records the CPU time the server used (its utime + stime from /proc) and perfdhcp's (bash's
/// <c>times</c>). On a machine with few cores perfdhcp itself runs out of CPU before a fast server does, and
/// then the sustained rate measures perfdhcp: so the table also gives each server's CPU per exchange at the
/// highest rate both held, and the exchanges per CPU-second that makes, ours against Kea's.
/// </para>
/// </summary>
internal static partial class DhcpBenchmark
{
    private const string ServerAddress = "10.78.0.1";
    private const string ClientAddress = "10.78.0.2";
    private const string FirstLease = "10.78.1.0";
    private const string LastLease = "10.78.255.250";
    private const int Clients = 20_000;
    private const double MaxDropPercent = 1.0;
    private static readonly int[] Rates = [250, 500, 1000, 2000, 4000, 6000, 8000, 12000, 16000, 24000, 32000, 48000, 64000];

    /// <summary>Bisection steps after the first rate a server does not hold.</summary>
    private const int BisectionSteps = 4;

    public static async Task<int> RunAsync(int seconds)
    {
        if (Environment.UserName != "root")
        {
            Console.Error.WriteLine("the DHCP benchmark builds network namespaces: run it as root");
            return 1;
        }

        foreach (var (tool, package) in new[] { ("perfdhcp", "kea-admin"), ("dnsmasq", "dnsmasq-base"), ("kea-dhcp4", "kea-dhcp4-server"), ("ip", "iproute2") })
        {
            if (Tool(tool) is null)
            {
                Console.Error.WriteLine($"{tool} is missing (apt-get install {package}; tests/AltoGateway.Benchmarks/run.sh does it as root)");
                return 1;
            }
        }

        var binary = Path.Combine(RepositoryPaths.Root, ProxyBenchmark.X64Binary);
        if (!File.Exists(binary))
        {
            Console.Error.WriteLine($"{binary} is missing: dotnet publish src/AltoGateway.Host -c Release -r linux-x64 -p:PublishAot=true -o dist/altogw-linux-x64");
            return 1;
        }

        var prefix = $"agb{Guid.NewGuid().ToString("N")[..6]}";
        var (server, client) = ($"{prefix}-srv", $"{prefix}-cli");
        var folder = Directory.CreateTempSubdirectory("altogw-bench-dhcp-").FullName;
        try
        {
            await BuildAsync(server, client);
            var only = Environment.GetEnvironmentVariable("DHCP_SERVERS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            async Task<Sustained?> Measure(string name, Func<Task<Process>> start) =>
                only is null || only.Contains(name) ? await MeasureAsync(name, client, seconds, start) : null;
            var ours = await Measure("altogw", () => StartAgent(binary, server, Path.Combine(folder, "altogw")));
            var dnsmasq = await Measure("dnsmasq", () => StartDnsmasq(server, Path.Combine(folder, "dnsmasq")));
            var kea = await Measure("kea", () => StartKea(server, Path.Combine(folder, "kea")));

            Console.WriteLine($"DHCPv4 DORA over a veth, perfdhcp -R {Clients} (as a relay), {seconds} s per rate, offered rate rising from {Rates[0]}/s, "
                + $"best rate with < {MaxDropPercent} % drops in both exchanges; {Environment.ProcessorCount} cores shared by perfdhcp and the server");
            var rows = new BenchmarkTable();
            rows.Add("DORA/s", "altogw (x64 NativeAOT, server mode, journal fsynced before each ACK)", Rate(ours), "");
            rows.Add("DORA/s", "dnsmasq --no-ping", Rate(dnsmasq), "anchor");
            rows.Add("DORA/s", "Kea 2.2 memfile (persisted, never fsynced)", Rate(kea), "anchor");
            rows.Add("ratio", "altogw/dnsmasq DORA/s", Ratio(ours, dnsmasq), Verdict(ours, dnsmasq, 1.0));
            rows.Add("ratio", "altogw/Kea DORA/s", Ratio(ours, kea), Verdict(ours, kea, 2.0));
            if (ours is not null && kea is not null && CommonRate(ours, kea) is { } common)
            {
                var (mine, theirs) = (ours.Held[common], kea.Held[common]);
                rows.Add("CPU/DORA", $"altogw at {common:#,0}/s offered", Cost(mine), "");
                rows.Add("CPU/DORA", $"Kea at {common:#,0}/s offered", Cost(theirs), "anchor");
                rows.Add("ratio", "altogw/Kea DORA per CPU-second", $"{theirs.MicrosecondsPerExchange / mine.MicrosecondsPerExchange:0.00}",
                    $"target >= 2.0: {(theirs.MicrosecondsPerExchange >= 2 * mine.MicrosecondsPerExchange ? "PASS" : "FAIL")}");
            }

            rows.Print();
            return 0;
        }
        finally
        {
            await RunAsync("ip", ["netns", "delete", server]);
            await RunAsync("ip", ["netns", "delete", client]);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Rate(Sustained? s) => s switch
    {
        null => "not measured (DHCP_SERVERS)",
        { Best: null } => "none below 1 % drops",
        { Best: { } best } => $"{best.Rate:#,0} (offered {s.Offered:#,0}; server {best.ServerCpuPercent:0} % of a core, perfdhcp {best.GeneratorCpuPercent:0} %)",
    };

    private static string Ratio(Sustained? ours, Sustained? anchor) =>
        ours?.Best is { } mine && anchor?.Best is { } theirs ? $"{mine.Rate / theirs.Rate:0.00}" : "-";

    private static string Verdict(Sustained? ours, Sustained? anchor, double target) =>
        ours?.Best is { } mine && anchor?.Best is { } theirs ? $"target >= {target:0.0}: {(mine.Rate >= target * theirs.Rate ? "PASS" : "FAIL")}" : "-";

    private static string Cost(PerfDhcpRun run) =>
        $"{run.MicrosecondsPerExchange:0.0} µs ({1e6 / run.MicrosecondsPerExchange:#,0} DORA per CPU-second; {run.Rate:#,0} DORA/s at {run.ServerCpuPercent:0} % of a core)";

    /// <summary>The highest offered rate both servers held.</summary>
    private static int? CommonRate(Sustained a, Sustained b) => a.Held.Keys.Intersect(b.Held.Keys).Order().LastOrDefault() is var rate and > 0 ? rate : null;

    /// <summary>The best sustained rate of one server: the ramp stops at the first rate with 1 % drops or more.</summary>
    private static async Task<Sustained> MeasureAsync(string name, string client, int seconds, Func<Task<Process>> start)
    {
        using var server = await start();
        try
        {
            var measured = new Sustained();
            async Task<bool> HoldsAsync(int rate)
            {
                var run = await PerfDhcpAsync(client, rate, seconds, server.Id);
                Console.Error.WriteLine($"{name}: offered {rate}/s -> {run.Rate:0} DORA/s, drops {run.DiscoverDrops:0.00} % / {run.RequestDrops:0.00} %, "
                    + $"server CPU {run.ServerCpuPercent:0} %, perfdhcp CPU {run.GeneratorCpuPercent:0} %");
                if (server.HasExited)
                {
                    throw new InvalidOperationException($"{name} exited during the run");
                }

                if (run.DiscoverDrops >= MaxDropPercent || run.RequestDrops >= MaxDropPercent)
                {
                    return false;
                }

                measured.Held[rate] = run;
                if (run.Rate > (measured.Best?.Rate ?? 0))
                {
                    (measured.Best, measured.Offered) = (run, rate);
                }

                return true;
            }

            var (held, failed) = (0, 0);
            foreach (var rate in Rates)
            {
                if (!await HoldsAsync(rate))
                {
                    failed = rate;
                    break;
                }

                held = rate;
            }

            for (var step = 0; step < BisectionSteps && failed > 0; step++)
            {
                var middle = (held + failed) / 2;
                if (await HoldsAsync(middle))
                {
                    held = middle;
                }
                else
                {
                    failed = middle;
                }
            }

            return measured;
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }

    private static async Task<PerfDhcpRun> PerfDhcpAsync(string client, int rate, int seconds, int serverProcess)
    {
        // bash's 'times' prints the CPU time of its children: perfdhcp's. The server's is read from /proc around the run.
        var perfdhcp = string.Join(' ', Tool("perfdhcp")!, "-4", "-l", ClientAddress, "-r", rate.ToString(CultureInfo.InvariantCulture),
            "-p", seconds.ToString(CultureInfo.InvariantCulture), "-R", Clients.ToString(CultureInfo.InvariantCulture), ServerAddress);
        var serverBefore = CpuSeconds(serverProcess);
        var clock = Stopwatch.StartNew();
        var (exit, output) = await RunAsync("ip", ["netns", "exec", client, "bash", "-c", $"{perfdhcp}; times"]);
        var wall = clock.Elapsed.TotalSeconds;
        var serverCpu = CpuSeconds(serverProcess) - serverBefore;
        var rateMatch = RateLine().Match(output);
        var drops = DropsLine().Matches(output);
        var times = TimesLine().Matches(output);
        if (!rateMatch.Success || drops.Count < 2 || times.Count < 2)
        {
            throw new InvalidOperationException($"perfdhcp at {rate}/s printed no rate, drops or times (exit {exit}):\n{output}");
        }

        var children = times[^1];
        var generatorCpu = Seconds(children, 1) + Seconds(children, 3);
        var exchanges = double.Parse(rateMatch.Groups[1].Value, CultureInfo.InvariantCulture);
        return new PerfDhcpRun(
            exchanges,
            double.Parse(drops[0].Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(drops[1].Groups[1].Value, CultureInfo.InvariantCulture),
            ServerCpuPercent: 100 * serverCpu / wall,
            GeneratorCpuPercent: 100 * generatorCpu / wall,
            MicrosecondsPerExchange: exchanges > 0 ? 1e6 * serverCpu / (exchanges * seconds) : double.PositiveInfinity);

        static double Seconds(Match line, int minutesGroup) =>
            double.Parse(line.Groups[minutesGroup].Value, CultureInfo.InvariantCulture) * 60 + double.Parse(line.Groups[minutesGroup + 1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>utime + stime of a process (proc(5), fields 14 and 15, in clock ticks of 1/100 s on Linux).</summary>
    private static double CpuSeconds(int process)
    {
        var stat = File.ReadAllText($"/proc/{process}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
    }

    private const double ClockTicksPerSecond = 100;

    private static async Task BuildAsync(string server, string client)
    {
        foreach (var command in new[]
        {
            $"netns add {server}", $"netns add {client}",
            $"link add d0 netns {server} type veth peer name c0 netns {client}",
            $"-n {server} addr add {ServerAddress}/16 dev d0", $"-n {server} link set d0 up", $"-n {server} link set lo up",
            $"-n {client} addr add {ClientAddress}/16 dev c0", $"-n {client} link set c0 up", $"-n {client} link set lo up",
        })
        {
            var (exit, output) = await RunAsync("ip", command.Split(' '));
            if (exit != 0)
            {
                throw new InvalidOperationException($"ip {command}: {output}");
            }
        }
    }

    private static async Task<Process> StartAgent(string binary, string ns, string folder)
    {
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "altogateway.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Logging": { "LogLevel": { "Default": "Warning" } },
              "State": { "Directory": "{{Path.Combine(folder, "state")}}" },
              "Control": { "SocketPath": "{{Path.Combine(folder, "control.sock")}}" },
              "Dhcp": {
                "Interfaces": [ { "Name": "d0", "V4Mode": "Server", "Subnet": "10.78.0.0/16", "Pools": [ "{{FirstLease}}-{{LastLease}}" ], "LeaseTime": "12:00:00" } ],
                "Alto": { "AccessDomain": "isp.example.", "DirectoryUri": "http://{{ServerAddress}}:7285/directory" },
                "RateLimit": { "MaxClients": 100000 }
              }
            }
            """);
        return await StartAndWaitAsync(ns, binary, ["run", "--config", config], "altogw");
    }

    private static Task<Process> StartDnsmasq(string ns, string folder)
    {
        Directory.CreateDirectory(folder);
        return StartAndWaitAsync(ns, Tool("dnsmasq")!,
        [
            "--no-daemon", "--port=0", "--interface=d0", "--bind-interfaces", "--conf-file=/dev/null", "--no-ping", "--quiet-dhcp",
            $"--dhcp-range={FirstLease},{LastLease},255.255.0.0,12h", $"--dhcp-leasefile={Path.Combine(folder, "leases")}", "--dhcp-lease-max=100000",
        ], "dnsmasq");
    }

    private static async Task<Process> StartKea(string ns, string folder)
    {
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "kea-dhcp4.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Dhcp4": {
              "interfaces-config": { "interfaces": [ "d0" ], "dhcp-socket-type": "udp" },
              "lease-database": { "type": "memfile", "persist": true, "name": "{{Path.Combine(folder, "leases4.csv")}}", "lfc-interval": 3600 },
              "valid-lifetime": 43200,
              "subnet4": [ { "id": 1, "subnet": "10.78.0.0/16", "pools": [ { "pool": "{{FirstLease}} - {{LastLease}}" } ] } ],
              "loggers": [ { "name": "kea-dhcp4", "output_options": [ { "output": "stdout" } ], "severity": "WARN" } ]
            } }
            """);
        return await StartAndWaitAsync(ns, Tool("kea-dhcp4")!, ["-c", config], "kea", new Dictionary<string, string>
        {
            ["KEA_LOCKFILE_DIR"] = folder,
            ["KEA_PIDFILE_DIR"] = folder,
        });
    }

    /// <summary>Starts a server in the namespace and gives it a moment to bind (the first perfdhcp rate is gentle).</summary>
    private static async Task<Process> StartAndWaitAsync(string ns, string command, string[] arguments, string name, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("ip", ["netns", "exec", ns, command, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        // What a server prints is kept (the last lines, for an error message), not echoed: a server
        // whose log lines wait on a terminal would be measured slower than it is.
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        var last = new Queue<string>();
        void Keep(string? line)
        {
            lock (last)
            {
                if (line is { Length: > 0 })
                {
                    last.Enqueue(line);
                    if (last.Count > 20)
                    {
                        last.Dequeue();
                    }
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.Delay(TimeSpan.FromSeconds(2));
        if (process.HasExited)
        {
            lock (last)
            {
                throw new InvalidOperationException($"{name} exited at start ({process.ExitCode}):\n{string.Join('\n', last)}");
            }
        }

        return process;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Tool(tool) ?? tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private static string? Tool(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin"])
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"Rate:\s+([\d.]+) 4-way exchanges/second")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"drops ratio:\s+([\d.]+) %")]
    private static partial Regex DropsLine();

    /// <summary>A line of bash's 'times': user and system time, as "0m5.317s 0m1.086s".</summary>
    [GeneratedRegex(@"^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$", RegexOptions.Multiline)]
    private static partial Regex TimesLine();

    private sealed record PerfDhcpRun(
        double Rate, double DiscoverDrops, double RequestDrops, double ServerCpuPercent, double GeneratorCpuPercent, double MicrosecondsPerExchange);

    /// <summary>One server's runs: every rate it held, and the best of them.</summary>
    private sealed class Sustained
    {
        public Dictionary<int, PerfDhcpRun> Held { get; } = [];

        public PerfDhcpRun? Best { get; set; }

        public int Offered { get; set; }
    }
}

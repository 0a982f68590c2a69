using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// Kea (kea-dhcp4) as a DHCP server in one of the lab's namespaces: a second upstream server for relay tests,
/// besides <see cref="DnsmasqServer"/>. Its configuration is written to a folder of the test's, which also holds
/// its lock and PID files (<c>KEA_LOCKFILE_DIR</c>, <c>KEA_PIDFILE_DIR</c>) and its lease file (memfile, persisted
/// with extended info so that the relay agent information of each lease is kept; no lease file cleanup). It
/// listens with plain UDP sockets (<c>"dhcp-socket-type": "udp"</c>), so it answers relayed requests to
/// 'giaddr':67. It logs to stdout at INFO (each lease it hands out); started in the foreground, killed on dispose.
/// </summary>
internal sealed class KeaServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly Process _process;
    private readonly ProcessOutput _output;

    private KeaServer(Process process, string leaseFile)
    {
        _process = process;
        LeaseFile = leaseFile;
        _output = ProcessOutput.Capture(_process);
    }

    /// <summary>What Kea logged so far.</summary>
    public string Output => _output.Text;

    /// <summary>Kea's lease file (CSV, one line per lease written, the newest last).</summary>
    public string LeaseFile { get; }

    /// <summary>
    /// Starts kea-dhcp4 in <paramref name="ns"/> listening on <paramref name="interfaceName"/> with <paramref name="subnet4"/>
    /// (the JSON array of <c>subnet4</c>) and <paramref name="members"/> (more JSON members of <c>Dhcp4</c>, such as
    /// <c>"valid-lifetime": 3600</c>); waits until it logs DHCP4_STARTED. Its files go to <paramref name="folder"/>.
    /// </summary>
    public static async Task<KeaServer> StartAsync(DhcpLab lab, string ns, string interfaceName, string folder, string subnet4, params string[] members)
    {
        var kea = TestEnvironment.RequireTool("kea-dhcp4", "kea-dhcp4-server");
        Directory.CreateDirectory(folder);
        var leaseFile = Path.Combine(folder, "leases4.csv");
        var config = Path.Combine(folder, "kea-dhcp4.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Dhcp4": {
              "interfaces-config": { "interfaces": [ {{JsonSerializer.Serialize(interfaceName)}} ], "dhcp-socket-type": "udp" },
              "lease-database": { "type": "memfile", "persist": true, "name": {{JsonSerializer.Serialize(leaseFile)}}, "lfc-interval": 0 },
              "store-extended-info": true,
              "subnet4": {{subnet4}},
              {{string.Concat(members.Select(m => m + ",\n"))}}
              "loggers": [ { "name": "kea-dhcp4", "output_options": [ { "output": "stdout" } ], "severity": "INFO" } ]
            } }
            """);

        var (ip, argv) = lab.Exec(ns, kea, "-c", config);
        var start = new ProcessStartInfo(ip, argv) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["KEA_LOCKFILE_DIR"] = folder;
        start.Environment["KEA_PIDFILE_DIR"] = folder;
        var server = new KeaServer(Process.Start(start) ?? throw new InvalidOperationException("kea-dhcp4 did not start"), leaseFile);
        try
        {
            await server.WaitUntilStartedAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The lease file's rows, oldest first, each as column → value (address, hwaddr, client_id, valid_lifetime, expire,
    /// subnet_id, …, user_context), with Kea's escaped commas ("&amp;#x2c") put back.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Leases()
    {
        if (!File.Exists(LeaseFile))
        {
            return [];
        }

        string[] lines;
        using (var stream = new FileStream(LeaseFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream))
        {
            lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        if (lines.Length == 0)
        {
            return [];
        }

        var columns = lines[0].Split(',');
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var values = line.Split(',');
            if (values.Length != columns.Length)
            {
                continue; // a line being written
            }

            rows.Add(columns.Zip(values).ToDictionary(c => c.First, c => c.Second.Replace("&#x2c", ",", StringComparison.Ordinal), StringComparer.Ordinal));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // Kea opens its sockets while it applies the configuration, before DHCP4_STARTED; a socket it could not open is
    // only a warning to Kea, but a failure here.
    private async Task WaitUntilStartedAsync()
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains("DHCP4_STARTED", StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"kea-dhcp4 exited ({_process.ExitCode}):\n{Output}");
            }

            if (clock.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"kea-dhcp4 did not log DHCP4_STARTED within {StartTimeout.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(50);
        }

        if (Output.Contains("OPEN_SOCKET_FAIL", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"kea-dhcp4 could not open a socket:\n{Output}");
        }
    }

}

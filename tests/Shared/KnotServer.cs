using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AltoGateway.Tests.Shared;

/// <summary>
/// A real authoritative DNS server for tests: Knot DNS (<c>knotd</c>, Debian package knot) run as the current user
/// from a temporary folder, serving the given zones on 127.0.0.1 (UDP and TCP) on a free port. Started when it
/// answers an SOA query for its first zone; killed and its folder deleted on dispose.
/// </summary>
internal sealed class KnotServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly ProcessOutput _output;

    private KnotServer(Process process, DirectoryInfo folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
        _output = ProcessOutput.Capture(_process);
    }

    public int Port { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    /// <summary>"127.0.0.1:PORT", as a --dns option takes it.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>What knotd logged so far.</summary>
    public string Output => _output.Text;

    /// <summary>
    /// Starts knotd with one zone per entry of <paramref name="zones"/> (apex → master-file text). Skips the test
    /// without knotd (fails under CI=true).
    /// </summary>
    public static async Task<KnotServer> StartAsync(IReadOnlyDictionary<string, string> zones, CancellationToken cancellationToken)
    {
        var knotd = TestEnvironment.RequireTool("knotd", "knot");
        var folder = Directory.CreateTempSubdirectory("altogw-knot-");
        var port = FreePort.Next();
        var config = new StringBuilder()
            .AppendLine("server:")
            .AppendLine($"    rundir: \"{folder.FullName}\"")
            .AppendLine($"    listen: 127.0.0.1@{port}")
            .AppendLine("    udp-workers: 1")
            .AppendLine("    tcp-workers: 1")
            .AppendLine("    background-workers: 1")
            .AppendLine("database:")
            .AppendLine($"    storage: \"{Path.Combine(folder.FullName, "db")}\"")
            .AppendLine("control:")
            .AppendLine($"    listen: \"{Path.Combine(folder.FullName, "knot.sock")}\"")
            .AppendLine("log:")
            .AppendLine("  - target: stderr")
            .AppendLine("    any: info")
            .AppendLine("template:")
            .AppendLine("  - id: default")
            .AppendLine($"    storage: \"{folder.FullName}\"")
            .AppendLine("    zonefile-sync: -1")
            .AppendLine("    zonefile-load: whole")
            .AppendLine("    journal-content: none")
            .AppendLine("zone:");
        var index = 0;
        foreach (var (apex, text) in zones)
        {
            var file = $"zone{index++}.db";
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, file), text, cancellationToken);
            config.AppendLine($"  - domain: {apex}").AppendLine($"    file: \"{file}\"");
        }

        var configPath = Path.Combine(folder.FullName, "knot.conf");
        await File.WriteAllTextAsync(configPath, config.ToString(), cancellationToken);
        var start = new ProcessStartInfo(knotd, ["-c", configPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var server = new KnotServer(Process.Start(start) ?? throw new InvalidOperationException("knotd did not start"), folder, port);
        try
        {
            await server.WaitUntilAnsweringAsync(zones.Keys.First(), cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    // Polls with an SOA query for the apex until an answer comes back (knotd loads zones after binding).
    private async Task WaitUntilAnsweringAsync(string apex, CancellationToken cancellationToken)
    {
        var query = SoaQuery(apex);
        var deadline = Stopwatch.StartNew();
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        udp.Connect(EndPoint);
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"knotd exited with {_process.ExitCode}:\n{Output}");
            }

            await udp.SendAsync(query, cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromMilliseconds(200));
            try
            {
                var reply = await udp.ReceiveAsync(wait.Token);

                // RCODE 0 with an answer: the zone is loaded (SERVFAIL or REFUSED while it is not yet).
                if (reply.Buffer.Length > 12 && (reply.Buffer[3] & 0x0F) == 0 && reply.Buffer[7] > 0)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            catch (SocketException)
            {
                // Port unreachable until knotd has bound it.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"knotd did not answer for {apex} within {StartTimeout}:\n{Output}");
    }

    private static byte[] SoaQuery(string apex)
    {
        var bytes = new List<byte> { 0xBE, 0xEF, 0x00, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0 };
        foreach (var label in apex.TrimEnd('.').Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.AddRange([0, 0, 6, 0, 1]);
        return [.. bytes];
    }

}

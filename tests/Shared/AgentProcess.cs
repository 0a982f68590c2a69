using System.Diagnostics;
using System.Text;

namespace AltoGateway.Tests.Shared;

/// <summary>
/// A real <c>altogw</c> process started by a test: the JIT build of src/AltoGateway.Host, or any
/// other command line (the arm64 build under qemu). Output is captured for assertion messages.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;
    private readonly string? _privateFolder;
    private bool _disposed;

    private AgentProcess(Process process, string? privateFolder)
    {
        _process = process;
        _privateFolder = privateFolder;
        _output = ProcessOutput.Capture(_process);
    }

    public int Id => _process.Id;

    /// <summary>The control socket of an agent started with "run" (unless the test named its own).</summary>
    public string? ControlSocketPath => _privateFolder is null ? null : Path.Combine(_privateFolder, "control.sock");

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output => _output.Text;

    /// <summary>The altogw JIT build of this test run's configuration.</summary>
    public static string JitBuildPath
    {
        get
        {
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            return Path.Combine(RepositoryPaths.Root, "src", "AltoGateway.Host", "bin", configuration, "net10.0", "altogw");
        }
    }

    public static AgentProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        StartCommand(JitBuildPath, arguments, environment);

    public static AgentProcess StartCommand(string command, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // A test never inherits a systemd or configuration context from the machine it runs on.
        foreach (var inherited in new[] { "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "INVOCATION_ID", "LISTEN_PID" })
        {
            start.Environment.Remove(inherited);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ALTOGW__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        // A running agent gets a state folder and control socket of its own, so that agents of
        // tests running side by side never share a peer-ID key or take each other's socket.
        string? privateFolder = null;
        var runsAgent = !arguments.Any() || arguments.First() == "run";
        if (runsAgent)
        {
            privateFolder = Directory.CreateTempSubdirectory("altogw-agent-").FullName;
            start.Environment["ALTOGW__State__Directory"] = Path.Combine(privateFolder, "state");
            start.Environment["ALTOGW__Control__SocketPath"] = Path.Combine(privateFolder, "control.sock");
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new AgentProcess(Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start"), privateFolder);
    }

    /// <summary>
    /// Waits until the URL answers with <paramref name="status"/> (by default 200: for /healthz,
    /// that the agent is ready), the process exits, or the timeout passes.
    /// </summary>
    public async Task<HttpResponseMessage> WaitForHttpAsync(HttpClient client, string url, TimeSpan timeout, System.Net.HttpStatusCode status = System.Net.HttpStatusCode.OK)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"altogw exited with {_process.ExitCode} before {url} answered:\n{Output}");
            }

            try
            {
                var response = await client.GetAsync(url);
                if (response.StatusCode == status || deadline.Elapsed >= timeout)
                {
                    return response;
                }

                response.Dispose();
                await Task.Delay(50);
            }
            catch (HttpRequestException) when (deadline.Elapsed < timeout)
            {
                await Task.Delay(50);
            }
            catch (HttpRequestException ex)
            {
                throw new TimeoutException($"{url} did not answer within {timeout}: {ex.Message}\n{Output}", ex);
            }
        }
    }

    /// <summary>Sends SIGTERM, as systemd does on stop.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            _process.WaitForExit(); // flushes the redirected output
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL, as a power cut or the OOM killer would: nothing runs at exit.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await KillAsync();
        _process.Dispose();
        if (_privateFolder is not null)
        {
            Directory.Delete(_privateFolder, recursive: true);
        }
    }

}

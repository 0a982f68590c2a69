using System.Diagnostics;
using System.Globalization;
using System.Net;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests;

/// <summary>
/// A real agent of its own for one test, run from a configuration file the test may rewrite
/// (atomically, as configuration tools do) and signal; LAN and WAN on loopback ports.
/// </summary>
internal sealed class AltoServerAgent : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-alto-").FullName;
    private AgentProcess? _process;
    private int _maxRequestBodyBytes;

    private AltoServerAgent()
    {
    }

    public int Lan { get; } = FreePort.Next();

    public int Wan { get; } = FreePort.Next();

    public string LanBase => $"http://127.0.0.1:{Lan}";

    public string WanBase => $"http://127.0.0.1:{Wan}";

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public string ConfigurationFile => Path.Combine(_folder, "altogateway.json");

    public AgentProcess Process => _process ?? throw new InvalidOperationException("not started");

    /// <summary>Starts the agent with <paramref name="alto"/> as its <c>Alto</c> section (a JSON object) and waits until it is ready.</summary>
    public static async Task<AltoServerAgent> StartAsync(string alto, int maxRequestBodyBytes = 65536)
    {
        var agent = new AltoServerAgent { _maxRequestBodyBytes = maxRequestBodyBytes };
        await agent.WriteConfigurationAsync(alto);
        agent._process = AgentProcess.Start(["run", "--config", agent.ConfigurationFile]);
        using var ready = await agent._process.WaitForHttpAsync(agent.Http, $"{agent.LanBase}/healthz", Timeout);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        return agent;
    }

    /// <summary>Replaces the file by renaming a new one over it, so the agent never reads half a file.</summary>
    public async Task WriteConfigurationAsync(string alto)
    {
        var next = ConfigurationFile + ".new";
        await File.WriteAllTextAsync(next, $$"""
            {
              "Http": {
                "Lan": { "Urls": [ "{{LanBase}}" ] },
                "Wan": { "Urls": [ "{{WanBase}}" ] },
                "MaxRequestBodyBytes": {{_maxRequestBodyBytes}}
              },
              "Alto": {{alto}}
            }
            """);
        File.Move(next, ConfigurationFile, overwrite: true);
    }

    public void SendSighup()
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-HUP", Process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>
    /// Waits until the agent's output (written by a logger of its own, so after the effect it
    /// reports) contains one of <paramref name="texts"/>; fails with the output when none shows
    /// within the timeout.
    /// </summary>
    public async Task WaitForOutputAsync(params string[] texts)
    {
        var deadline = Stopwatch.StartNew();
        while (!texts.Any(t => Process.Output.Contains(t, StringComparison.Ordinal)))
        {
            Assert.False(Process.HasExited, "the agent exited:\n" + Process.Output);
            Assert.True(deadline.Elapsed < Timeout, $"none of '{string.Join("', '", texts)}' in the agent's output within {Timeout}:\n{Process.Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails with the agent's output when it does not within the timeout.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < Timeout, $"{what} did not happen within {Timeout}:\n{Process.Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>The /metrics samples (LAN only).</summary>
    public async Task<Dictionary<string, double>> MetricsAsync() =>
        PrometheusText.Parse(await Http.GetStringAsync($"{LanBase}/metrics"));

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

using System.Net;
using System.Net.Sockets;
using AltoGateway.IntegrationTests.Nat;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// A real agent inside the lab's server namespace (<c>ip netns exec</c>), so that it sees the lab's interfaces:
/// its LAN listener on 10.78.0.1:7285 (so the DHCP directory URI defaults to http://10.78.0.1:7285/directory),
/// the access domain example.net (<c>Discovery:AccessDomains</c>), and the <c>Dhcp</c> section the test gives.
/// Its HTTP endpoints are asked over sockets opened in that namespace.
/// </summary>
internal sealed class DhcpAgent : IAsyncDisposable
{
    public const string LanUrl = "http://10.78.0.1:7285";
    public const string DirectoryUri = LanUrl + "/directory";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly string _folder;
    private readonly DhcpLab _lab;

    private DhcpAgent(DhcpLab lab, string folder, AgentProcess process, HttpClient http)
    {
        _lab = lab;
        _folder = folder;
        Process = process;
        Http = http;
    }

    public AgentProcess Process { get; private set; }

    /// <summary>The agent's state directory (the DHCP lease journals are there).</summary>
    public string StateDirectory => Path.Combine(_folder, "state");

    public HttpClient Http { get; }

    /// <summary>The agent's control socket (a file: reachable from any namespace).</summary>
    public string ControlSocket => Path.Combine(_folder, "control.sock");

    /// <summary>Starts the agent with <paramref name="dhcpSection"/> (the JSON object of <c>Dhcp</c>) and waits until /healthz says ready.</summary>
    public static async Task<DhcpAgent> StartAsync(DhcpLab lab, string dhcpSection)
    {
        var folder = Directory.CreateTempSubdirectory("altogw-dhcp-agent-").FullName;
        var file = Path.Combine(folder, "altogateway.json");
        await File.WriteAllTextAsync(file, $$"""
            {
              "Http": { "Lan": { "Urls": [ "{{LanUrl}}" ] }, "Wan": { "Urls": [ "http://127.0.0.1:7286" ] } },
              "Discovery": { "AccessDomains": [ "example.net" ] },
              "Dhcp": {{dhcpSection}}
            }
            """);
        var http = new HttpClient(InNamespace(lab.Server)) { Timeout = TimeSpan.FromSeconds(10) };
        var agent = new DhcpAgent(lab, folder, Launch(lab, folder), http);
        try
        {
            await agent.WaitUntilReadyAsync();
            return agent;
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Ends the agent — SIGKILL with <paramref name="kill"/> (nothing runs at exit, as after a power cut), else
    /// SIGTERM — and starts it again with the same configuration, state directory and control socket.
    /// </summary>
    public async Task RestartAsync(bool kill)
    {
        if (kill)
        {
            await Process.KillAsync();
        }
        else
        {
            Process.Terminate();
            Assert.True(await Process.WaitForExitAsync(TimeSpan.FromSeconds(30)), $"the agent did not stop:\n{Process.Output}");
        }

        await Process.DisposeAsync();
        Process = Launch(_lab, _folder);
        await WaitUntilReadyAsync();
    }

    /// <summary><c>altogw leases</c> against this agent: its exit status and what it printed.</summary>
    public Task<(int Exit, string Output)> LeasesAsync() => ToolProcess.RunAsync(AgentProcess.JitBuildPath, ["leases", "--socket", ControlSocket]);

    private static AgentProcess Launch(DhcpLab lab, string folder)
    {
        var (ip, arguments) = lab.Exec(lab.Server, AgentProcess.JitBuildPath, "run", "--config", Path.Combine(folder, "altogateway.json"));
        return AgentProcess.StartCommand(ip, arguments, new Dictionary<string, string>
        {
            ["ALTOGW__State__Directory"] = Path.Combine(folder, "state"),
            ["ALTOGW__Control__SocketPath"] = Path.Combine(folder, "control.sock"),
        });
    }

    private async Task WaitUntilReadyAsync()
    {
        using var ready = await Process.WaitForHttpAsync(Http, $"{LanUrl}/healthz", StartTimeout);
        Assert.True(ready.StatusCode == HttpStatusCode.OK, $"the agent is not ready: {await ready.Content.ReadAsStringAsync()}\n{Process.Output}");
    }

    /// <summary>The /metrics samples.</summary>
    public async Task<Dictionary<string, double>> MetricsAsync() => PrometheusText.Parse(await Http.GetStringAsync($"{LanUrl}/metrics"));

    /// <summary>A counter's value, 0 when it has no sample yet.</summary>
    public static double Sample(Dictionary<string, double> metrics, string key) => metrics.GetValueOrDefault(key);

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>An HTTP handler whose TCP connections are made from inside network namespace <paramref name="ns"/>.</summary>
    public static SocketsHttpHandler InNamespace(string ns) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = await NetworkNamespaceThread.RunAsync(ns, () => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
            try
            {
                await socket.ConnectAsync(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

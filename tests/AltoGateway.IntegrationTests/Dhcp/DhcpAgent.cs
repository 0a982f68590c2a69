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

    private DhcpAgent(string folder, AgentProcess process, HttpClient http)
    {
        _folder = folder;
        Process = process;
        Http = http;
    }

    public AgentProcess Process { get; }

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
        var (ip, arguments) = lab.Exec(lab.Server, AgentProcess.JitBuildPath, "run", "--config", file);
        var process = AgentProcess.StartCommand(ip, arguments, new Dictionary<string, string>
        {
            ["ALTOGW__State__Directory"] = Path.Combine(folder, "state"),
            ["ALTOGW__Control__SocketPath"] = Path.Combine(folder, "control.sock"),
        });
        var http = new HttpClient(InNamespace(lab.Server)) { Timeout = TimeSpan.FromSeconds(10) };
        var agent = new DhcpAgent(folder, process, http);
        try
        {
            using var ready = await process.WaitForHttpAsync(http, $"{LanUrl}/healthz", StartTimeout);
            Assert.True(ready.StatusCode == HttpStatusCode.OK, $"the agent is not ready: {await ready.Content.ReadAsStringAsync()}\n{process.Output}");
            return agent;
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
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

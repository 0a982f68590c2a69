using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AltoGateway.Tests.Shared;

/// <summary>
/// A real agent running <see cref="SwarmModel.AgentConfiguration"/> (the JIT build for tests, the
/// NativeAOT build for the benchmark driver), and ECS calls to its WAN listener: the built-in
/// server's <c>/endpointcost</c> or the proxy's <c>/proxy/endpointcost</c>.
/// </summary>
internal sealed class SwarmAgent : IAsyncDisposable
{
    public const string CostParams = "application/alto-endpointcostparams+json";
    private readonly AgentProcess _process;
    private readonly string _folder;

    private SwarmAgent(AgentProcess process, string folder, string wanBase)
    {
        _process = process;
        _folder = folder;
        WanBase = wanBase;
    }

    public string WanBase { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public bool HasExited => _process.HasExited;

    public string Output => _process.Output;

    /// <summary>Starts <paramref name="binary"/> (default: the JIT build) and waits until it is ready.</summary>
    public static async Task<SwarmAgent> StartAsync(string? binary = null)
    {
        binary ??= AgentProcess.JitBuildPath;
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"{binary} is missing: build or publish it first", binary);
        }

        var folder = Directory.CreateTempSubdirectory("altogw-swarm-").FullName;
        var (lan, wan) = (FreePort.Next(), FreePort.Next());
        var config = Path.Combine(folder, "altogateway.json");
        await File.WriteAllTextAsync(config, SwarmModel.AgentConfiguration(lan, wan));
        var agent = new SwarmAgent(AgentProcess.StartCommand(binary, ["run", "--config", config]), folder, $"http://127.0.0.1:{wan}");
        using var ready = await agent._process.WaitForHttpAsync(agent.Http, $"http://127.0.0.1:{lan}/healthz", TimeSpan.FromSeconds(30));
        if (ready.StatusCode != HttpStatusCode.OK)
        {
            await agent.DisposeAsync();
            throw new InvalidOperationException($"altogw did not become ready ({ready.StatusCode}):\n{agent.Output}");
        }

        return agent;
    }

    /// <summary>The single row of an ECS answer, name → cost; anything but 200 with one row throws.</summary>
    public async Task<Dictionary<string, double>> CostRowAsync(string path, string body, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(CostParams);
        using var response = await Http.PostAsync(WanBase + path, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}\n{Output}");
        }

        var map = JsonNode.Parse(text)!["endpoint-cost-map"]!.AsObject();
        return map.Count != 1
            ? throw new InvalidOperationException($"POST {path} answered {map.Count} rows: {text}")
            : map.First().Value!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<double>(), StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

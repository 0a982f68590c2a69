using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AltoGateway.Host.Configuration;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Proxy;

/// <summary>
/// A real agent with a NAT map a tracker can ask about: static mappings (two subscribers share
/// 203.0.113.5; the test itself, 127.0.0.1, is a subscriber behind 203.0.113.7 and can fetch a peer
/// ID), an RFC 7422 plan (100.64.1.0/30 behind 192.0.2.8), and a built-in ALTO server whose PIDs
/// tell the answers apart. <paramref name="proxySection"/> is the Proxy section's JSON.
/// </summary>
internal sealed class ProxyAgent : IAsyncDisposable
{
    public const string CostParams = "application/alto-endpointcostparams+json";
    public const string PropertyParams = "application/alto-endpointpropparams+json";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _folder;
    private readonly AgentProcess _agent;

    private ProxyAgent(string folder, AgentProcess agent, int lan, int wan)
    {
        _folder = folder;
        _agent = agent;
        LanBase = $"http://127.0.0.1:{lan}";
        WanBase = $"http://127.0.0.1:{wan}";
    }

    public string LanBase { get; }

    public string WanBase { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Output => _agent.Output;

    /// <summary>The RFC 7422 plan of the agent, to compute which subscriber owns which public port.</summary>
    public static PortBlockPlanOptions PortBlockPlan => new()
    {
        InsidePrefix = "100.64.1.0/30",
        OutsidePool = ["192.0.2.8/32"],
        CompressionRatio = 4,
        DynamicPoolFactor = 0,
        ReservedPorts = "0-1023",
        Algorithm = "sequential",
    };

    public static async Task<ProxyAgent> StartAsync(string proxySection)
    {
        var folder = Directory.CreateTempSubdirectory("altogw-proxy-").FullName;
        var (lan, wan) = (FreePort.Next(), FreePort.Next());
        var config = Path.Combine(folder, "altogateway.json");
        var plan = PortBlockPlan;
        await File.WriteAllTextAsync(config, $$"""
            {
              "Http": { "Lan": { "Urls": [ "http://127.0.0.1:{{lan}}" ] }, "Wan": { "Urls": [ "http://127.0.0.1:{{wan}}" ] } },
              "Nat": {
                "Static": [
                  { "Protocol": "tcp", "Internal": "100.64.0.10:6881", "External": "203.0.113.5:40001" },
                  { "Protocol": "tcp", "Internal": "100.64.0.11:51413", "External": "203.0.113.5:40002" },
                  { "Protocol": "udp", "Internal": "127.0.0.1:6881", "External": "203.0.113.7:6881" }
                ],
                "PortBlocks": [ {
                  "InsidePrefix": "{{plan.InsidePrefix}}", "OutsidePool": [ "{{plan.OutsidePool[0]}}" ],
                  "CompressionRatio": {{plan.CompressionRatio}}, "DynamicPoolFactor": {{plan.DynamicPoolFactor}},
                  "ReservedPorts": "{{plan.ReservedPorts}}", "Algorithm": "{{plan.Algorithm}}" } ]
              },
              "Alto": {
                "Pids": {
                  "subscribers-a": [ "100.64.0.0/24" ],
                  "subscribers-b": [ "100.64.1.0/24" ],
                  "isp-public": [ "203.0.113.0/24", "192.0.2.0/24" ],
                  "loopback": [ "127.0.0.0/8" ],
                  "world": [ "0.0.0.0/0", "::/0" ]
                },
                "Costs": {
                  "loopback": { "subscribers-a": 3, "subscribers-b": 4, "isp-public": 7, "loopback": 1, "world": 30 },
                  "isp-public": { "subscribers-a": 5, "subscribers-b": 6, "isp-public": 2, "loopback": 8, "world": 20 }
                }
              },
              "Proxy": {{proxySection}}
            }
            """);
        var agent = AgentProcess.Start(["run", "--config", config]);
        var proxyAgent = new ProxyAgent(folder, agent, lan, wan);
        using var ready = await agent.WaitForHttpAsync(proxyAgent.Http, $"{proxyAgent.LanBase}/healthz", Timeout);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        return proxyAgent;
    }

    /// <summary>The test's own peer ID (it is the subscriber 127.0.0.1), fetched over the LAN.</summary>
    public async Task<string> PeerIdAsync()
    {
        var document = JsonNode.Parse(await Http.GetStringAsync($"{LanBase}/peer-id", TestContext.Current.CancellationToken))!;
        return document["peerId"]!.GetValue<string>();
    }

    public async Task<(HttpStatusCode Status, string? ContentType, JsonNode? Body, HttpResponseHeaders Headers)> PostAsync(string path, string mediaType, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await Http.PostAsync(WanBase + path, content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        Http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

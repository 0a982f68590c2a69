using System.Globalization;
using System.Net;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Discovery;

/// <summary>
/// One real agent for the discovery tests, with the DNS responder on 127.0.0.1 at a free port: the access
/// domain example.net (default target: the LAN listener's /directory) and the reverse zone of
/// 198.51.100.0/24 per address, whose names point at the proxy's directory and two long fallbacks, so that
/// their answer is too big for a 512-octet UDP message.
/// </summary>
public sealed class ResponderAgent : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-dns-").FullName;
    private AgentProcess? _process;

    public int Lan { get; } = FreePort.Next();

    public int Wan { get; } = FreePort.Next();

    public int Dns { get; } = FreePort.Next();

    public string DnsPort => Dns.ToString(CultureInfo.InvariantCulture);

    public string LanDirectory => $"http://127.0.0.1:{Lan}/directory";

    /// <summary>The reverse names' targets, in preference order.</summary>
    public IReadOnlyList<string> WanDirectories => [$"http://127.0.0.1:{Wan}/proxy/directory", .. Fallbacks];

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    internal AgentProcess Process => _process ?? throw new InvalidOperationException("not started");

    private static IEnumerable<string> Fallbacks => Enumerable.Range(2, 2).Select(i => $"https://alto{i}.example.net/{new string('f', 200)}/directory");

    public async ValueTask InitializeAsync()
    {
        var file = Path.Combine(_folder, "altogateway.json");
        var uris = string.Join(", ", WanDirectories.Select(u => $"\"{u}\""));
        await File.WriteAllTextAsync(file, $$"""
            {
              "Http": {
                "Lan": { "Urls": [ "http://127.0.0.1:{{Lan}}" ] },
                "Wan": { "Urls": [ "http://127.0.0.1:{{Wan}}" ] }
              },
              "Discovery": {
                "Enabled": true,
                "Listen": [ "127.0.0.1:{{Dns}}" ],
                "AccessDomains": [ "example.net" ],
                "ReversePrefixes": [ "198.51.100.0/24" ],
                "ReverseDirectoryUris": [ {{uris}} ],
                "NameServer": "ns.example.net.",
                "Hostmaster": "hostmaster.example.net."
              }
            }
            """);
        _process = AgentProcess.Start(["run", "--config", file]);
        using var ready = await _process.WaitForHttpAsync(Http, $"http://127.0.0.1:{Lan}/healthz", Timeout);
        Assert.True(ready.StatusCode == HttpStatusCode.OK, $"the agent is not ready:\n{_process.Output}");
    }

    /// <summary>The /metrics samples.</summary>
    public async Task<Dictionary<string, double>> MetricsAsync() =>
        PrometheusText.Parse(await Http.GetStringAsync($"http://127.0.0.1:{Lan}/metrics"));

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

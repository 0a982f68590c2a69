using AltoGateway.Tests.Shared;

namespace AltoGateway.Alto.Client.Tests;

/// <summary>The real agent (its built-in ALTO server) on two loopback ports, once for the class.</summary>
public sealed class BuiltInServerFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-client-").FullName;
    private AgentProcess? _agent;

    public HttpClient Http { get; } = new();

    public Uri DirectoryUri { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var lan = $"http://127.0.0.1:{FreePort.Next()}";
        var config = Path.Combine(_folder, "altogateway.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Http": { "Lan": { "Urls": [ "{{lan}}" ] }, "Wan": { "Urls": [ "http://127.0.0.1:{{FreePort.Next()}}" ] } } }
            """);
        _agent = AgentProcess.Start(["run", "--config", config]);
        using var ready = await _agent.WaitForHttpAsync(Http, lan + "/healthz", TimeSpan.FromSeconds(30));
        Assert.True(ready.IsSuccessStatusCode, _agent.Output);
        DirectoryUri = new Uri(lan + "/directory");
    }

    public async ValueTask DisposeAsync()
    {
        if (_agent is not null)
        {
            await _agent.DisposeAsync();
        }

        Http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

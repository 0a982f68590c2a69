using AltoGateway.Alto.Client;
using AltoGateway.Tests.SharedAlto;

namespace AltoGateway.Alto.Client.Tests;

/// <summary>A fake upstream, an HttpClient and an AltoClient on it, disposed together.</summary>
internal sealed class FakeUpstreamClient : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private FakeUpstreamClient(FakeAltoUpstream upstream, AltoClientOptions? options)
    {
        Upstream = upstream;
        Client = new AltoClient(_http, options);
    }

    public FakeAltoUpstream Upstream { get; }

    public AltoClient Client { get; }

    /// <summary>"http://127.0.0.1:port" without the final slash, to write expected texts with.</summary>
    public string Base => Upstream.BaseUri.ToString().TrimEnd('/');

    public static async Task<FakeUpstreamClient> StartAsync(
        FakeUpstreamBehaviour? behaviour = null, AltoClientOptions? options = null, FakeAltoUpstreamSettings? settings = null) =>
        new(await FakeAltoUpstream.StartAsync(settings, behaviour), options);

    /// <summary>The closure of the fake's IRD, read while the fake still behaves.</summary>
    public async Task<AltoDirectory> DirectoryAsync()
    {
        var result = await Client.GetDirectoryAsync(Upstream.DirectoryUri, TestContext.Current.CancellationToken);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Upstream.DisposeAsync();
    }
}

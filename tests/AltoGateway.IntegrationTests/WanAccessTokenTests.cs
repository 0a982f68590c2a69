using System.Net;
using System.Net.Http.Headers;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests;

/// <summary>Waits for a log line of an agent.</summary>
internal static class AgentProcessOutput
{
    /// <summary>
    /// The agent's output once it holds <paramref name="text"/>: the console logger writes from a
    /// queue of its own, so a line can come after the answer it tells of. Fails after 10 s.
    /// </summary>
    public static async Task<string> WaitForOutputAsync(this AgentProcess agent, string text)
    {
        for (var waited = 0; waited < 200 && !agent.Output.Contains(text, StringComparison.Ordinal); waited++)
        {
            await Task.Delay(50);
        }

        Assert.Contains(text, agent.Output, StringComparison.Ordinal);
        return agent.Output;
    }
}

/// <summary>A real agent whose WAN listener takes bearer tokens (inline and from a 0600 token file), with a tight limit for tracker-b.</summary>
public sealed class WanAccessTokenFixture : IAsyncLifetime
{
    public const string TokenA = "tracker-a-0123456789abcdefghijklmnopqrstuvwxyz";
    public const string TokenB = "tracker-b-0123456789abcdefghijklmnopqrstuvwxyz";
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-wan-token-").FullName;
    private AgentProcess? _agent;

    public int Lan { get; } = FreePort.Next();

    public int Wan { get; } = FreePort.Next();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public string LanBase => $"http://127.0.0.1:{Lan}";

    public string WanBase => $"http://127.0.0.1:{Wan}";

    public Task<string> WaitForOutputAsync(string text) => _agent!.WaitForOutputAsync(text);

    public async ValueTask InitializeAsync()
    {
        var tokens = Path.Combine(_folder, "wan-tokens");
        await File.WriteAllTextAsync(tokens, $"# trackers\ntracker-b {TokenB}\n");
        File.SetUnixFileMode(tokens, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var config = Path.Combine(_folder, "altogateway.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Http": {
                "Lan": { "Urls": [ "{{LanBase}}" ] },
                "Wan": {
                  "Urls": [ "{{WanBase}}" ],
                  "Access": {
                    "Mode": "Token",
                    "Tokens": [ { "Name": "tracker-a", "Token": "{{TokenA}}" } ],
                    "TokenFile": "wan-tokens",
                    "RateLimit": { "Clients": { "tracker-b": { "RequestsPerSecond": 0.001, "Burst": 2 } } }
                  }
                }
              }
            }
            """);
        _agent = AgentProcess.Start(["run", "--config", config]);
        using var ready = await _agent.WaitForHttpAsync(Http, $"{LanBase}/healthz", TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
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

/// <summary>Bearer tokens and rate limits on the WAN listener, seen from a tracker.</summary>
public sealed class WanAccessTokenTests(WanAccessTokenFixture agent) : IClassFixture<WanAccessTokenFixture>
{
    private static readonly string[] Reasons = ["unauthenticated", "rate-limited", "too-many-clients"];
    private const string Unauthenticated = """{"meta":{"code":"E_SYNTAX","syntax-error":"a valid bearer token is required (Authorization: Bearer TOKEN, RFC 6750)"}}""";

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer tracker-x-0123456789abcdefghijklmnopqrstuvwxyz")]
    [InlineData("Bearer " + WanAccessTokenFixture.TokenA + "x")]
    [InlineData("Basic dHJhY2tlci1hOnNlY3JldA==")]
    public async Task Without_a_valid_token_the_wan_answers_401_with_a_bearer_challenge_and_an_alto_error(string? authorization)
    {
        using var response = await GetAsync($"{agent.WanBase}/directory", authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"altogateway\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal("application/alto-error+json", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(Unauthenticated, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("Bearer " + WanAccessTokenFixture.TokenA)]
    [InlineData("bearer " + WanAccessTokenFixture.TokenA)]
    public async Task A_configured_token_opens_the_directory_on_the_wan(string authorization)
    {
        using var response = await GetAsync($"{agent.WanBase}/directory", authorization);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/alto-directory+json", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task The_lan_and_the_wan_health_check_need_no_token()
    {
        using var lan = await GetAsync($"{agent.LanBase}/directory", null);
        using var healthz = await GetAsync($"{agent.WanBase}/healthz", null);

        Assert.Equal(HttpStatusCode.OK, lan.StatusCode);
        Assert.Equal("application/alto-directory+json", lan.Content.Headers.ContentType!.ToString());
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
    }

    [Fact]
    public async Task A_tracker_over_its_rate_gets_429_with_retry_after_and_the_refusals_are_counted()
    {
        var before = await RejectedAsync();
        var authorization = "Bearer " + WanAccessTokenFixture.TokenB;
        using var first = await GetAsync($"{agent.WanBase}/directory", authorization);
        using var second = await GetAsync($"{agent.WanBase}/directory", authorization);
        using var third = await GetAsync($"{agent.WanBase}/directory", authorization);
        using var stranger = await GetAsync($"{agent.WanBase}/directory", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((HttpStatusCode)429, third.StatusCode);

        // The burst of 2 is spent and one request comes back every 1000 s: the next token is
        // 1000 s minus the (sub-second) time these requests took away, rounded up.
        Assert.Equal("1000", Assert.Single(third.Headers.GetValues("Retry-After")));
        Assert.Equal("application/alto-error+json", third.Content.Headers.ContentType!.ToString());
        Assert.Equal(
            """{"meta":{"code":"E_SYNTAX","syntax-error":"rate limit exceeded: 0.001 requests per second with a burst of 2; retry after the Retry-After delay"}}""",
            await third.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var after = await RejectedAsync();
        Assert.Equal(before["rate-limited"] + 1, after["rate-limited"]);
        Assert.Equal(before["unauthenticated"] + 1, after["unauthenticated"]);
        Assert.Equal(0, after["too-many-clients"]);
        var output = await agent.WaitForOutputAsync("WAN request refused (rate-limited, HTTP 429) from token tracker-b: GET /directory");
        Assert.DoesNotContain(WanAccessTokenFixture.TokenB, output, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, double>> RejectedAsync()
    {
        var samples = PrometheusText.Parse(await agent.Http.GetStringAsync($"{agent.LanBase}/metrics", TestContext.Current.CancellationToken));
        return Reasons.ToDictionary(r => r, r => samples[$"altogw_wan_rejected_total{{reason=\"{r}\"}}"]);
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/alto-directory+json"));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await agent.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

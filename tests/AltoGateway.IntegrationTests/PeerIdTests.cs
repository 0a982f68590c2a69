using System.Net;
using System.Text.Json;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests;

/// <summary>
/// A subscriber fetches its peer ID from <c>GET /peer-id</c>; the operator resolves it with
/// <c>altogw peer-id resolve</c>, also after the agent was killed and started again.
/// </summary>
public sealed class PeerIdTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-peerid-").FullName;

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_peer_id_fetched_over_the_lan_resolves_to_the_asking_subscriber_before_and_after_a_restart()
    {
        var (lan, wan) = (FreePort.Next(), FreePort.Next());
        var config = Path.Combine(_folder, "altogateway.json");
        var socket = Path.Combine(_folder, "control.sock");
        var state = Path.Combine(_folder, "state");

        // The subscriber (this test, on 127.0.0.1) is present: it has a mapping.
        await File.WriteAllTextAsync(config, $$"""
            {
              "Http": { "Lan": { "Urls": [ "http://127.0.0.1:{{lan}}" ] }, "Wan": { "Urls": [ "http://127.0.0.1:{{wan}}" ] } },
              "Nat": { "Static": [ { "Protocol": "udp", "Internal": "127.0.0.1:6881", "External": "203.0.113.5:6881" } ] },
              "State": { "Directory": "{{state}}" },
              "Control": { "SocketPath": "{{socket}}" }
            }
            """, TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string> { ["ALTOGW__State__Directory"] = state, ["ALTOGW__Control__SocketPath"] = socket };

        string peerId;
        await using (var agent = AgentProcess.Start(["run", "--config", config], environment))
        {
            using var ready = await agent.WaitForHttpAsync(_http, $"http://127.0.0.1:{lan}/healthz", Timeout);
            using var document = JsonDocument.Parse(await _http.GetStringAsync($"http://127.0.0.1:{lan}/peer-id", TestContext.Current.CancellationToken));
            var root = document.RootElement;
            peerId = root.GetProperty("peerId").GetString()!;
            Assert.Matches("^1[A-Za-z0-9_-]{26}$", peerId);
            Assert.Equal("127.0.0.1", root.GetProperty("subscriber").GetString());
            Assert.Equal($"http://127.0.0.1:{wan}/proxy/directory", root.GetProperty("altoDirectoryUri").GetString());
            Assert.True(root.GetProperty("validUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow);

            // The same subscriber gets the same ID within a period; the WAN side issues none.
            using var again = JsonDocument.Parse(await _http.GetStringAsync($"http://127.0.0.1:{lan}/peer-id", TestContext.Current.CancellationToken));
            Assert.Equal(peerId, again.RootElement.GetProperty("peerId").GetString());
            using var wanAnswer = await _http.GetAsync($"http://127.0.0.1:{wan}/peer-id", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, wanAnswer.StatusCode);

            Assert.Equal((0, $"{peerId} -> 127.0.0.1 (peer-id: peer ID issued by this agent)"), await ResolveAsync(peerId, config));
            Assert.Equal(1, (await ResolveAsync(peerId[..^1] + (peerId[^1] == 'A' ? 'B' : 'A'), config)).Exit);

            // kill -9: nothing gets a chance to save anything at exit.
            await agent.KillAsync();
        }

        var key = Path.Combine(state, "peer-id.key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));

        await using (var restarted = AgentProcess.Start(["run", "--config", config], environment))
        {
            using var ready = await restarted.WaitForHttpAsync(_http, $"http://127.0.0.1:{lan}/healthz", Timeout);
            Assert.Equal((0, $"{peerId} -> 127.0.0.1 (peer-id: peer ID issued by this agent)"), await ResolveAsync(peerId, config));
        }
    }

    private static async Task<(int Exit, string Output)> ResolveAsync(string peerId, string config)
    {
        await using var cli = AgentProcess.Start(["peer-id", "resolve", peerId, "--config", config]);
        Assert.True(await cli.WaitForExitAsync(Timeout), cli.Output);
        return (cli.ExitCode, cli.Output.Trim());
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AltoGateway.Host.Alto;
using AltoGateway.Host.Configuration;

namespace AltoGateway.IntegrationTests;

/// <summary>Live reload of the built-in server's maps: SIGHUP and file changes, under continuous load.</summary>
public sealed class AltoServerReloadTests
{
    private const string World = "\"world\": [ \"0.0.0.0/0\", \"::/0\" ]";

    [Fact]
    public async Task Reloads_apply_new_maps_reject_bad_ones_and_never_drop_a_request()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var agent = await AltoServerAgent.StartAsync($$"""{ "Pids": { "lan": [ "10.0.0.0/8" ], {{World}} } }""");
        var v0 = Vtag(["10.0.0.0/8"]);
        var v1 = Vtag(["10.0.0.0/8", "192.0.2.0/24"]);
        var v3 = Vtag(["10.0.0.0/8", "192.0.2.0/24", "198.51.100.0/24"]);
        Assert.Equal(v0, (string?)(await NetworkMapAsync(agent))["meta"]!["vtag"]!["tag"]);

        // Clients ask all the time, GET and POST, while the maps change under them (on the LAN listener:
        // the WAN one limits the rate of each client).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var answers = new ConcurrentQueue<(int Client, HttpStatusCode Status, string Tag)>();
        var clients = Enumerable.Range(0, 4).Select(i => Task.Run(() => AskUntilStoppedAsync(agent, i, answers, stop.Token), cancel)).ToList();
        await agent.WaitUntilAsync(() => Task.FromResult(answers.Count >= 20), "the first answers");

        // 1. A new prefix and SIGHUP: the new map is served. The watcher sees the same write; whichever
        //    comes second finds nothing new, so SIGHUP is logged either as the reload or as unchanged.
        await agent.WriteConfigurationAsync($$"""{ "Pids": { "lan": [ "10.0.0.0/8", "192.0.2.0/24" ], {{World}} } }""");
        agent.SendSighup();
        await agent.WaitUntilAsync(async () => await PidAsync(agent, "ipv4:192.0.2.7") == "lan", "the SIGHUP reload");
        await agent.WaitForOutputAsync(
            $"Built-in ALTO server reloaded (SIGHUP): network map vtag {v0} -> {v1}, 2 PIDs (lan, world)",
            $"Built-in ALTO server reloaded (file change): network map vtag {v0} -> {v1}, 2 PIDs (lan, world)");
        await agent.WaitForOutputAsync(
            $"Built-in ALTO server reloaded (SIGHUP): network map vtag {v0} -> {v1}, 2 PIDs (lan, world)",
            $"Built-in ALTO server reload (SIGHUP): maps unchanged, vtag {v1}");

        // 2. An invalid edit, seen by the watcher alone: rejected with its key path, the old map stays.
        await agent.WriteConfigurationAsync($$"""{ "Pids": { "lan": [ "10.0.0.0/8", "10.1.2.3/8" ], {{World}} } }""");
        await agent.WaitForOutputAsync("Built-in ALTO server reload (file change) rejected: Alto:Pids:lan:1: '10.1.2.3/8' is not an IPv4 or IPv6 prefix (HostBitsSet); expected e.g. 192.168.0.0/16 or fc00::/7");
        await agent.WaitForOutputAsync($"Built-in ALTO server reload (file change) rejected with 1 problem(s); still serving vtag {v1}");
        Assert.Equal(v1, (string?)(await NetworkMapAsync(agent))["meta"]!["vtag"]!["tag"]);
        Assert.Equal("lan", await PidAsync(agent, "ipv4:192.0.2.7"));

        // 3. A valid edit without SIGHUP: picked up by the watcher.
        await agent.WriteConfigurationAsync($$"""{ "Pids": { "lan": [ "10.0.0.0/8", "192.0.2.0/24", "198.51.100.0/24" ], {{World}} } }""");
        await agent.WaitUntilAsync(async () => await PidAsync(agent, "ipv4:198.51.100.9") == "lan", "the file-change reload");
        await agent.WaitForOutputAsync($"Built-in ALTO server reloaded (file change): network map vtag {v1} -> {v3}, 2 PIDs (lan, world)");
        var served = await NetworkMapAsync(agent);
        Assert.Equal(v3, (string?)served["meta"]!["vtag"]!["tag"]);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"lan":{"ipv4":["10.0.0.0/8","192.0.2.0/24","198.51.100.0/24"]},"world":{"ipv4":["0.0.0.0/0"],"ipv6":["::/0"]}}"""),
            served["network-map"]));

        var seen = answers.Count;
        await agent.WaitUntilAsync(() => Task.FromResult(answers.Count >= seen + 20), "answers after the last reload");
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        // Every request was answered 200; each client saw the vtags in order, and no other.
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        string[] order = [v0, v1, v3];
        foreach (var client in answers.GroupBy(a => a.Client))
        {
            var versions = client.Select(a => Array.IndexOf(order, a.Tag)).ToList();
            Assert.DoesNotContain(-1, versions);
            Assert.Equal(versions.Order(), versions);
        }

        var metrics = await agent.MetricsAsync();
        Assert.Equal(2, metrics["altogw_alto_reloads_total{result=\"applied\"}"]);
        Assert.Equal(1, metrics["altogw_alto_reloads_total{result=\"rejected\"}"]);
        Assert.Equal(0, metrics["altogw_alto_rejected_total{reason=\"overload\"}"]);
    }

    [Fact]
    public async Task A_change_outside_the_maps_is_logged_as_needing_a_restart()
    {
        await using var agent = await AltoServerAgent.StartAsync($$"""{ "Pids": { "lan": [ "10.0.0.0/8" ], {{World}} } }""");

        await agent.WriteConfigurationAsync($$"""{ "MaxConcurrentRequests": 8, "Pids": { "lan": [ "10.0.0.0/8" ], {{World}} } }""");
        agent.SendSighup();

        await agent.WaitForOutputAsync("Configuration changed outside Alto:Pids and Alto:Costs; these keys take effect only at restart: Alto:MaxConcurrentRequests");
        await agent.WaitForOutputAsync($"Built-in ALTO server reload (SIGHUP): maps unchanged, vtag {Vtag(["10.0.0.0/8"])}");
    }

    /// <summary>Alternates GET /networkmap and an EPS until stopped; records status and the vtag served.</summary>
    private static async Task AskUntilStoppedAsync(AltoServerAgent agent, int client, ConcurrentQueue<(int, HttpStatusCode, string)> answers, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                using var response = i % 2 == 0
                    ? await agent.Http.GetAsync($"{agent.LanBase}/networkmap", stop)
                    : await agent.Http.PostAsync($"{agent.LanBase}/endpointprop", EndpointProperties("ipv4:192.0.2.7"), stop);
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(stop))!;
                var tag = (string?)(body["meta"]?["vtag"] ?? body["meta"]?["dependent-vtags"]?[0])?["tag"] ?? "";
                answers.Enqueue((client, response.StatusCode, tag));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static async Task<JsonNode> NetworkMapAsync(AltoServerAgent agent) =>
        JsonNode.Parse(await agent.Http.GetStringAsync($"{agent.LanBase}/networkmap", TestContext.Current.CancellationToken))!;

    private static async Task<string?> PidAsync(AltoServerAgent agent, string address)
    {
        using var response = await agent.Http.PostAsync($"{agent.LanBase}/endpointprop", EndpointProperties(address), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        return (string?)body["endpoint-properties"]![address]!["pid"];
    }

    private static ByteArrayContent EndpointProperties(string address)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"properties":["pid"],"endpoints":["{{address}}"]}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/alto-endpointpropparams+json");
        return content;
    }

    /// <summary>The vtag the agent must serve for this "lan" PID next to the default "world": the same SHA-256 of the map.</summary>
    private static string Vtag(List<string> lan) =>
        AltoMaps.Build(new AltoOptions { Pids = new() { ["lan"] = lan, ["world"] = ["0.0.0.0/0", "::/0"] } }).Vtag.Tag;
}

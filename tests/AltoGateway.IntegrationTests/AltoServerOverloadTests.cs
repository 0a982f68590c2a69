using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace AltoGateway.IntegrationTests;

/// <summary>RFC 7285 §8.5.3 overload: beyond the configured requests in progress and waiting, 503 with Retry-After.</summary>
public sealed class AltoServerOverloadTests
{
    private const string OverloadError = """{"meta":{"code":"E_SYNTAX","syntax-error":"the ALTO server is overloaded: 1 request in progress and 0 waiting; retry after 1 s"}}""";

    [Fact]
    public async Task Beyond_the_limits_alto_requests_are_503_with_retry_after_while_health_and_status_still_answer()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var agent = await AltoServerAgent.StartAsync("""{ "MaxConcurrentRequests": 1, "QueueLength": 0 }""");

        // One ECS held in progress: its headers are sent, half of its body is not.
        var body = Encoding.UTF8.GetBytes("""{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"},"endpoints":{"srcs":["ipv4:192.168.1.5"],"dsts":["ipv4:8.8.8.8"]}}""");
        using var held = new TcpClient();
        await held.ConnectAsync(IPAddress.Loopback, agent.Lan, cancel);
        var stream = held.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /endpointcost HTTP/1.1\r\nHost: 127.0.0.1:{agent.Lan}\r\nContent-Type: application/alto-endpointcostparams+json\r\n" +
            $"Accept: application/alto-endpointcost+json,application/alto-error+json\r\nContent-Length: {body.Length}\r\n\r\n"), cancel);
        await stream.WriteAsync(body.AsMemory(0, body.Length / 2), cancel);
        await agent.WaitUntilAsync(async () => (await agent.MetricsAsync())["altogw_alto_requests_in_progress"] == 1, "the held request in progress");

        using var get = await agent.Http.GetAsync($"{agent.LanBase}/networkmap", cancel);
        using var headRequest = new HttpRequestMessage(HttpMethod.Head, $"{agent.LanBase}/costmap/num-routingcost");
        using var head = await agent.Http.SendAsync(headRequest, cancel);
        using var health = await agent.Http.GetAsync($"{agent.LanBase}/healthz", cancel);
        using var status = await agent.Http.GetAsync($"{agent.LanBase}/status", cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, get.StatusCode);
        Assert.Equal("application/alto-error+json", get.Content.Headers.ContentType!.ToString());
        Assert.Equal(TimeSpan.FromSeconds(1), get.Headers.RetryAfter!.Delta);
        Assert.Equal(OverloadError, await get.Content.ReadAsStringAsync(cancel));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, head.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), head.Headers.RetryAfter!.Delta);
        Assert.Equal(Encoding.UTF8.GetByteCount(OverloadError), head.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        await agent.WaitForOutputAsync("Built-in ALTO server overloaded: 1 request(s) answered 503 since the last report (1 in progress and 0 waiting at most)");

        // The held request, once its body is complete, is answered as usual.
        await stream.WriteAsync(body.AsMemory(body.Length / 2), cancel);
        var answer = await ReadResponseAsync(stream, cancel);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", answer, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"ipv4:192.168.1.5":{"ipv4:8.8.8.8":10}}"""),
            JsonNode.Parse(answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])!["endpoint-cost-map"]));

        await agent.WaitUntilAsync(async () => (await agent.MetricsAsync())["altogw_alto_requests_in_progress"] == 0, "the held request finished");
        using var after = await agent.Http.GetAsync($"{agent.LanBase}/networkmap", cancel);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var metrics = await agent.MetricsAsync();
        Assert.Equal(2, metrics["altogw_alto_rejected_total{reason=\"overload\"}"]);
        Assert.Equal(0, metrics["altogw_alto_requests_waiting"]);
    }

    /// <summary>Reads one HTTP/1.1 response with a Content-Length body.</summary>
    private static async Task<string> ReadResponseAsync(NetworkStream stream, CancellationToken cancel)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancel);
            Assert.True(read > 0, "the connection closed before the response was complete: " + Encoding.UTF8.GetString([.. received]));
            received.AddRange(buffer.AsSpan(0, read));
            var text = Encoding.UTF8.GetString([.. received]);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }

            var length = text[..end].Split("\r\n").Single(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))["Content-Length:".Length..].Trim();
            if (received.Count >= end + 4 + int.Parse(length, System.Globalization.CultureInfo.InvariantCulture))
            {
                return text;
            }
        }
    }
}

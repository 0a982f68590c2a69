using System.Net;
using System.Net.Sockets;
using AltoGateway.Alto.Costs;
using AltoGateway.Tests.SharedAlto;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Alto.Client.Tests;

/// <summary>
/// Every awkward behaviour of the fake upstream, and the exact tolerance or failure the client
/// reports for it ("consume leniently": the client copes, says so, and never throws).
/// </summary>
public sealed class LenientReadingTests
{
    private static readonly CostType Numerical = new("numerical", "routingcost");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(FakeUpstreamContentType.GenericJson, AltoToleranceKind.GenericJsonContentType, "answered HTTP 200 with Content-Type application/json instead of application/alto-networkmap+json")]
    [InlineData(FakeUpstreamContentType.None, AltoToleranceKind.MissingContentType, "answered HTTP 200 without a Content-Type; read as application/alto-networkmap+json")]
    public async Task A_generic_or_missing_content_type_is_tolerated(FakeUpstreamContentType contentType, AltoToleranceKind kind, string detail)
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var map = (await fake.DirectoryAsync()).FindNetworkMap()!;
        fake.Upstream.Behaviour = new FakeUpstreamBehaviour { ContentType = contentType };

        var result = await fake.Client.GetNetworkMapAsync(map, Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(3, result.Value.NetworkMap.Count);
        Assert.Equal([new AltoTolerance(kind, $"GET {fake.Base}/networkmap {detail}")], result.Tolerances);
    }

    [Fact]
    public async Task A_directory_served_as_application_json_is_tolerated_at_every_level()
    {
        await using var fake = await FakeUpstreamClient.StartAsync(
            new FakeUpstreamBehaviour { ContentType = FakeUpstreamContentType.GenericJson, DelegateEndpointCostToSubDirectory = true });

        var result = await fake.Client.GetDirectoryAsync(fake.Upstream.DirectoryUri, Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(
            [
                new AltoTolerance(AltoToleranceKind.GenericJsonContentType,
                    $"GET {fake.Base}/directory answered HTTP 200 with Content-Type application/json instead of application/alto-directory+json"),
                new AltoTolerance(AltoToleranceKind.GenericJsonContentType,
                    $"GET {fake.Base}/sub/directory answered HTTP 200 with Content-Type application/json instead of application/alto-directory+json"),
            ],
            result.Tolerances);
        Assert.Equal("sub-endpoint-cost", result.Value.FindEndpointCost(Numerical)?.Id);
    }

    [Theory]
    [InlineData(FakeUpstreamContentType.Alto)]
    [InlineData(FakeUpstreamContentType.GenericJson)]
    public async Task An_invented_error_code_is_an_alto_error_and_a_tolerance(FakeUpstreamContentType contentType)
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var ecs = (await fake.DirectoryAsync()).FindEndpointCost(Numerical)!;
        fake.Upstream.Behaviour = new FakeUpstreamBehaviour { InventedErrorCode = true, ContentType = contentType };

        var result = await fake.Client.EndpointCostAsync(ecs, EndpointCostTests.Request("numerical", ["ipv4:192.0.2.1"], ["ipv4:192.0.2.2"]), Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(AltoClientFailureKind.AltoError, result.Failure.Kind);
        Assert.Equal(400, result.Failure.HttpStatus);
        Assert.Equal("E_TOO_MANY_ENDPOINTS", result.Failure.ServerError?.Code);
        Assert.Null(result.Failure.RetryAfter);
        Assert.Equal($"POST {fake.Base}/endpointcost: HTTP 400 Bad Request with ALTO error E_TOO_MANY_ENDPOINTS", result.Failure.Message);
        var invented = new AltoTolerance(AltoToleranceKind.NonStandardErrorCode,
            $"POST {fake.Base}/endpointcost answered error code E_TOO_MANY_ENDPOINTS, not one of the four of RFC 7285 §8.5.2");
        Assert.Equal(
            contentType == FakeUpstreamContentType.Alto
                ? [invented]
                : [new AltoTolerance(AltoToleranceKind.GenericJsonContentType,
                    $"POST {fake.Base}/endpointcost answered HTTP 400 with Content-Type application/json instead of application/alto-error+json"), invented],
            result.Tolerances);
    }

    [Fact]
    public async Task An_html_error_page_is_an_http_status_failure_with_its_title()
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var map = (await fake.DirectoryAsync()).FindNetworkMap()!;
        fake.Upstream.Behaviour = new FakeUpstreamBehaviour { HtmlError500 = true };

        var result = await fake.Client.GetNetworkMapAsync(map, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(AltoClientFailureKind.HttpStatus, result.Failure.Kind);
        Assert.Equal(500, result.Failure.HttpStatus);
        Assert.Null(result.Failure.ServerError);
        Assert.Equal($"GET {fake.Base}/networkmap: HTTP 500 Internal Server Error, an HTML page titled \"500 Internal Server Error\"", result.Failure.Message);
        Assert.Equal(
            [new AltoTolerance(AltoToleranceKind.HtmlErrorPage, $"GET {fake.Base}/networkmap answered HTTP 500 with an HTML page titled \"500 Internal Server Error\"")],
            result.Tolerances);
    }

    [Fact]
    public async Task A_plain_text_error_is_an_http_status_failure_quoting_the_body()
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var map = (await fake.DirectoryAsync()).FindNetworkMap()!;
        var missing = new AltoResource { Id = "gone", Uri = new Uri(map.Uri, "/nowhere"), MediaType = map.MediaType, Directory = map.Directory };

        var result = await fake.Client.GetNetworkMapAsync(missing, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal((AltoClientFailureKind.HttpStatus, 404), (result.Failure.Kind, result.Failure.HttpStatus));
        Assert.Equal($"GET {fake.Base}/nowhere: HTTP 404 Not Found, text/plain body \"not found\"", result.Failure.Message);
        Assert.Empty(result.Tolerances);
    }

    [Fact]
    public async Task A_2xx_of_another_media_type_is_malformed()
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var directory = await fake.DirectoryAsync();

        // §8.3.4.2: an IRD where a network map was expected.
        var wrong = new AltoResource { Id = "x", Uri = directory.Uri, MediaType = "application/alto-networkmap+json", Directory = directory.Uri };
        var result = await fake.Client.GetNetworkMapAsync(wrong, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal((AltoClientFailureKind.MalformedResponse, 200), (result.Failure.Kind, result.Failure.HttpStatus));
        Assert.Equal(
            $"GET {fake.Base}/directory: HTTP 200 with Content-Type application/alto-directory+json, not application/alto-networkmap+json",
            result.Failure.Message);
    }

    [Fact]
    public async Task A_body_that_is_not_the_expected_message_is_malformed()
    {
        await using var fake = await FakeUpstreamClient.StartAsync(new FakeUpstreamBehaviour { ContentType = FakeUpstreamContentType.None });
        var directory = await fake.DirectoryAsync();

        var wrong = new AltoResource { Id = "x", Uri = directory.Uri, MediaType = "application/alto-networkmap+json", Directory = directory.Uri };
        var result = await fake.Client.GetNetworkMapAsync(wrong, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(AltoClientFailureKind.MalformedResponse, result.Failure.Kind);
        Assert.Equal(
            $"GET {fake.Base}/directory: HTTP 200 body is not a readable application/alto-networkmap+json: E_MISSING_FIELD network-map",
            result.Failure.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_response_over_the_size_limit_is_malformed(bool chunked)
    {
        await using var fake = await FakeUpstreamClient.StartAsync(options: new AltoClientOptions { MaxResponseBytes = 100 });
        var map = new AltoResource { Id = "m", Uri = new Uri(fake.Upstream.BaseUri, "/networkmap"), MediaType = "application/alto-networkmap+json", Directory = fake.Upstream.DirectoryUri };
        fake.Upstream.Behaviour = new FakeUpstreamBehaviour { Chunked = chunked };

        var result = await fake.Client.GetNetworkMapAsync(map, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal((AltoClientFailureKind.MalformedResponse, 200), (result.Failure.Kind, result.Failure.HttpStatus));
        Assert.Equal($"GET {fake.Base}/networkmap: HTTP 200 with a body larger than 100 bytes (not read)", result.Failure.Message);
    }

    [Fact]
    public async Task A_server_slower_than_the_request_timeout_is_a_timeout()
    {
        await using var fake = await FakeUpstreamClient.StartAsync(options: new AltoClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) });
        var map = (await fake.DirectoryAsync()).FindNetworkMap()!;
        fake.Upstream.Behaviour = new FakeUpstreamBehaviour { Delay = TimeSpan.FromMinutes(10) };

        var result = await fake.Client.GetNetworkMapAsync(map, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(AltoClientFailureKind.Timeout, result.Failure.Kind);
        Assert.Null(result.Failure.HttpStatus);
        Assert.Equal($"GET {fake.Base}/networkmap: no complete answer within 0.2 s", result.Failure.Message);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_thrown_not_reported()
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var map = (await fake.DirectoryAsync()).FindNetworkMap()!;
        fake.Upstream.Behaviour = new FakeUpstreamBehaviour { Delay = TimeSpan.FromMinutes(10) };
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fake.Client.GetNetworkMapAsync(map, cancel.Token));
    }

    [Fact]
    public async Task A_reset_connection_is_a_connection_failure()
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var map = (await fake.DirectoryAsync()).FindNetworkMap()!;
        fake.Upstream.Behaviour = new FakeUpstreamBehaviour { ResetConnection = true };

        var result = await fake.Client.GetNetworkMapAsync(map, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(AltoClientFailureKind.ConnectionFailed, result.Failure.Kind);
        Assert.Null(result.Failure.HttpStatus);
        Assert.StartsWith($"GET {fake.Base}/networkmap: ", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_a_connection_failure()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();
        var client = new AltoClient(http);

        var result = await client.GetDirectoryAsync(new Uri($"http://127.0.0.1:{port}/directory"), Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(AltoClientFailureKind.ConnectionFailed, result.Failure.Kind);
        Assert.StartsWith($"GET http://127.0.0.1:{port}/directory: ConnectionError (", result.Failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData("Wed, 01 Jan 2025 00:02:30 GMT", 150)]
    [InlineData("Tue, 31 Dec 2024 23:00:00 GMT", 0)]
    public async Task A_503_carries_its_retry_after_as_delta_seconds_or_http_date(string retryAfter, int seconds)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var fake = await FakeUpstreamClient.StartAsync(options: new AltoClientOptions { TimeProvider = clock });
        var map = (await fake.DirectoryAsync()).FindNetworkMap()!;
        fake.Upstream.Behaviour = new FakeUpstreamBehaviour { Status503RetryAfter = retryAfter };

        var result = await fake.Client.GetNetworkMapAsync(map, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal((AltoClientFailureKind.HttpStatus, 503), (result.Failure.Kind, result.Failure.HttpStatus));
        Assert.Equal(TimeSpan.FromSeconds(seconds), result.Failure.RetryAfter);
        Assert.Equal($"GET {fake.Base}/networkmap: HTTP 503 Service Unavailable, text/plain body \"Service Temporarily Unavailable\"", result.Failure.Message);
    }
}

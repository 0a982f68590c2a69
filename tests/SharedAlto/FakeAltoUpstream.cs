using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Tests.SharedAlto;

/// <summary>
/// A fake upstream ALTO server: real Kestrel on 127.0.0.1 (port 0), awkward like the real servers
/// met in the field (see <see cref="FakeUpstreamBehaviour"/>), deterministic answers from its
/// <see cref="FakeAltoUpstreamSettings"/>, and a record of every request it received. It serves the
/// IRD at /directory (and /sub/directory), /networkmap, /costmap/&lt;name&gt;, /endpointprop and
/// /endpointcost (and /sub/endpointcost).
/// </summary>
internal sealed class FakeAltoUpstream : IAsyncDisposable
{
    private const string NginxPage = """
        <html>
        <head><title>500 Internal Server Error</title></head>
        <body>
        <center><h1>500 Internal Server Error</h1></center>
        <hr><center>nginx/1.24.0</center>
        </body>
        </html>
        """;

    private readonly WebApplication _app;
    private readonly FakeAltoUpstreamNetwork _network;
    private readonly FakeAltoUpstreamAnswers _answers;
    private readonly ConcurrentQueue<FakeAltoUpstreamRequest> _requests = new();
    private readonly CancellationToken _stopping;
    private FakeUpstreamBehaviour _behaviour;

    private FakeAltoUpstream(WebApplication app, FakeAltoUpstreamSettings settings, FakeUpstreamBehaviour behaviour)
    {
        _app = app;
        _network = new FakeAltoUpstreamNetwork(settings);
        _answers = new FakeAltoUpstreamAnswers(_network);
        _behaviour = behaviour;
        _stopping = app.Lifetime.ApplicationStopping;
        app.Run(HandleAsync);
    }

    /// <summary>http://127.0.0.1:&lt;port&gt;/</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The root IRD.</summary>
    public Uri DirectoryUri => new(BaseUri, "/directory");

    public FakeAltoUpstreamSettings Settings => _network.Settings;

    /// <summary>What the fake does now; settable at any time from any thread.</summary>
    public FakeUpstreamBehaviour Behaviour
    {
        get => Volatile.Read(ref _behaviour);
        set => Volatile.Write(ref _behaviour, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<FakeAltoUpstreamRequest> Requests => [.. _requests];

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<FakeAltoUpstream> StartAsync(FakeAltoUpstreamSettings? settings = null, FakeUpstreamBehaviour? behaviour = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var upstream = new FakeAltoUpstream(app, settings ?? new FakeAltoUpstreamSettings(), behaviour ?? new FakeUpstreamBehaviour());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        upstream.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new FakeAltoUpstreamRequest(
            request.Method, request.Path.Value ?? "", request.ContentType, request.Headers.Accept.ToString(), body, DateTimeOffset.UtcNow));
        var behaviour = Behaviour;
        if (behaviour.Delay > TimeSpan.Zero && !await DelayAsync(behaviour.Delay, context))
        {
            return;
        }

        if (behaviour.ResetConnection)
        {
            context.Abort();
            return;
        }

        if (behaviour.Status503RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
            await WriteAsync(context, 503, "text/plain", "Service Temporarily Unavailable", behaviour);
            return;
        }

        if (behaviour.HtmlError500)
        {
            await WriteAsync(context, 500, "text/html", NginxPage, behaviour);
            return;
        }

        if (HttpMethods.IsPost(request.Method) && behaviour.InventedErrorCode)
        {
            await ErrorAsync(context, 400, """{"meta":{"code":"E_TOO_MANY_ENDPOINTS"}}""", behaviour);
            return;
        }

        await RouteAsync(context, request.Method + " " + request.Path.Value, body, behaviour);
    }

    private Task RouteAsync(HttpContext context, string route, string body, FakeUpstreamBehaviour behaviour) => route switch
    {
        "GET /directory" => AnswerAsync(context, "application/alto-directory+json", FakeAltoUpstreamDirectories.Root(BaseUri, Settings, behaviour), behaviour),
        "GET /sub/directory" when behaviour.SubDirectoryStatus is { } status => WriteAsync(context, status, "text/plain", "sub-directory unavailable", behaviour),
        "GET /sub/directory" => AnswerAsync(context, "application/alto-directory+json", FakeAltoUpstreamDirectories.Sub(BaseUri, behaviour), behaviour),
        "GET /networkmap" => AnswerAsync(context, "application/alto-networkmap+json", _answers.NetworkMap(behaviour), behaviour),
        _ when route.StartsWith("GET /costmap/", StringComparison.Ordinal) && _answers.CostMap(route["GET /costmap/".Length..], behaviour) is { } map =>
            AnswerAsync(context, "application/alto-costmap+json", map, behaviour),
        "POST /endpointcost" or "POST /sub/endpointcost" => PostAsync(context, body, "application/alto-endpointcostparams+json",
            "application/alto-endpointcost+json", r => _answers.EndpointCost(r, behaviour), behaviour),
        "POST /endpointprop" => PostAsync(context, body, "application/alto-endpointpropparams+json",
            "application/alto-endpointprop+json", r => _answers.EndpointProperties(r, behaviour), behaviour),
        _ => WriteAsync(context, 404, "text/plain", "not found", behaviour),
    };

    private static Task PostAsync(
        HttpContext context, string body, string requestType, string responseType, Func<JsonNode, JsonObject?> answer, FakeUpstreamBehaviour behaviour)
    {
        if (context.Request.ContentType != requestType)
        {
            return ErrorAsync(context, 415, $$$"""{"meta":{"code":"E_SYNTAX","syntax-error":"Content-Type must be {{{requestType}}}"}}""", behaviour);
        }

        JsonNode? request;
        try
        {
            request = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            request = null;
        }

        return request is not null && answer(request) is { } document
            ? AnswerAsync(context, responseType, document, behaviour)
            : ErrorAsync(context, 400, """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"endpoints"}}""", behaviour);
    }

    private static Task AnswerAsync(HttpContext context, string mediaType, JsonObject document, FakeUpstreamBehaviour behaviour) =>
        WriteAsync(context, 200, ContentTypeOf(mediaType, behaviour), document.ToJsonString(), behaviour);

    private static Task ErrorAsync(HttpContext context, int status, string json, FakeUpstreamBehaviour behaviour) =>
        WriteAsync(context, status, ContentTypeOf("application/alto-error+json", behaviour), json, behaviour);

    private static string? ContentTypeOf(string mediaType, FakeUpstreamBehaviour behaviour) => behaviour.ContentType switch
    {
        FakeUpstreamContentType.GenericJson => "application/json",
        FakeUpstreamContentType.None => null,
        _ => mediaType,
    };

    private static async Task WriteAsync(HttpContext context, int status, string? contentType, string text, FakeUpstreamBehaviour behaviour)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var response = context.Response;
        response.StatusCode = status;
        if (contentType is not null)
        {
            response.ContentType = contentType;
        }

        if (!behaviour.Chunked)
        {
            response.ContentLength = bytes.Length;
        }

        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>Waits, unless the client goes away or the fake stops first; false then.</summary>
    private async Task<bool> DelayAsync(TimeSpan delay, HttpContext context)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        try
        {
            await Task.Delay(delay, either.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

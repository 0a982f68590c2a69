using System.Globalization;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.MediaTypes;
using AltoGateway.Host.Alto;
using AltoGateway.Host.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Http;

/// <summary>
/// Access control on the WAN listeners: every request but <c>GET /healthz</c> (load balancers)
/// must come from a client the <see cref="WanClientAuthenticator"/> accepts (else 401 with a Bearer
/// challenge) and stay within that client's rate (else 429, or 503 when no more clients can be
/// followed), both with Retry-After. LAN and control requests pass untouched. Refusals carry an
/// ALTO error: RFC 7285 registers no code for them, so, as for 406/415/413, E_SYNTAX without a
/// field carries the explanation (§8.5.2).
/// </summary>
internal sealed class WanAccessMiddleware
{
    private const string Challenge = "Bearer realm=\"altogateway\"";
    private readonly RequestDelegate _next;
    private readonly ListenerMap _listeners;
    private readonly WanClientAuthenticator _authenticator;
    private readonly WanClientRateLimiter _limiter;
    private readonly WanAccessMetrics _metrics;
    private readonly RefusalLogGate _logGate;
    private readonly ILogger _logger;
    private readonly byte[] _unauthenticated;
    private readonly byte[] _tooManyClients = AltoJsonWriter.Write(AltoError.Syntax("too many clients at once; retry after the Retry-After delay"));

    public WanAccessMiddleware(RequestDelegate next, ListenerMap listeners, WanClientAuthenticator authenticator, WanClientRateLimiter limiter,
        WanAccessMetrics metrics, RefusalLogGate logGate, ILogger<WanAccessMiddleware> logger)
    {
        _next = next;
        _listeners = listeners;
        _authenticator = authenticator;
        _limiter = limiter;
        _metrics = metrics;
        _logGate = logGate;
        _logger = logger;

        // One explanation for a missing and a wrong credential: the answer never tells them apart.
        _unauthenticated = AltoJsonWriter.Write(AltoError.Syntax(authenticator.Mode switch
        {
            WanAccessMode.Token => "a valid bearer token is required (Authorization: Bearer TOKEN, RFC 6750)",
            WanAccessMode.ClientCertificate => "a TLS client certificate from a trusted CA is required",
            _ => "a valid bearer token (Authorization: Bearer TOKEN, RFC 6750) or a TLS client certificate from a trusted CA is required",
        }));
    }

    public Task InvokeAsync(HttpContext context)
    {
        var connection = context.Connection;
        if (connection.LocalIpAddress is null
            || _listeners.GroupOf(connection.LocalIpAddress, connection.LocalPort) != ListenerGroup.Wan
            || IsHealthCheck(context))
        {
            return _next(context);
        }

        var authorization = context.Request.Headers.Authorization;
        var client = _authenticator.Authenticate(authorization.Count == 0 ? null : authorization.ToString(), connection.ClientCertificate, connection.RemoteIpAddress);
        if (client is null)
        {
            context.Response.Headers.WWWAuthenticate = Challenge;
            return RefuseAsync(context, WanClientIdentity.ForAddress(connection.RemoteIpAddress), WanAccessMetrics.Unauthenticated,
                StatusCodes.Status401Unauthorized, _unauthenticated);
        }

        var decision = _limiter.TryAcquire(client.Name);
        switch (decision.Outcome)
        {
            case WanRateOutcome.RateLimited:
                context.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return RefuseAsync(context, client, WanAccessMetrics.RateLimited, StatusCodes.Status429TooManyRequests, AltoJsonWriter.Write(AltoError.Syntax(
                    $"rate limit exceeded: {decision.RequestsPerSecond.ToString(CultureInfo.InvariantCulture)} requests per second with a burst of {decision.Burst.ToString(CultureInfo.InvariantCulture)}; retry after the Retry-After delay")));
            case WanRateOutcome.TooManyClients:
                // RFC 7285 §8.5.3: an overloaded server answers 503 with Retry-After.
                context.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return RefuseAsync(context, client, WanAccessMetrics.TooManyClients, StatusCodes.Status503ServiceUnavailable, _tooManyClients);
            default:
                context.Features.Set(client);
                return _next(context);
        }
    }

    private static bool IsHealthCheck(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: "/healthz" };

    private Task RefuseAsync(HttpContext context, WanClientIdentity client, string reason, int status, byte[] body)
    {
        _metrics.Rejected(reason);
        if (_logGate.TryEnter(out var heldBack))
        {
            WanAccessLog.Refused(_logger, reason, status, client.ToString(), context.Request.Method, context.Request.Path.Value ?? string.Empty, heldBack);
        }

        return AltoExchange.WriteAsync(context, status, AltoMediaTypes.Error, body);
    }
}

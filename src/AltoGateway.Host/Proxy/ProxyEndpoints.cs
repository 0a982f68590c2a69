using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.MediaTypes;
using AltoGateway.Host.Alto;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Http;
using AltoGateway.Proxy;
using AltoGateway.Proxy.Answers;
using AltoGateway.Proxy.Upstreams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Proxy;

/// <summary>
/// The third-party proxy's HTTP side, on the WAN listeners only: the IRD, the ECS and the EPS at
/// <c>/proxy/…</c>. Requests are checked like the built-in server's (Accept, Content-Type, body
/// size, the core reader's one error), with AltoGateway's extension endpoint names allowed; answers
/// are written strictly, keyed by the tracker's names; the proxy's own failures are ALTO errors
/// with 400/502/503/504 (see <see cref="ProxyFailure"/>), with Retry-After where it helps.
/// </summary>
internal sealed class ProxyEndpoints(ThirdPartyProxy proxy, AltoExchange exchange, ProxyMetrics metrics, ILogger logger)
{
    private const string EndpointCostResource = "endpointcost";
    private const string EndpointPropertyResource = "endpointprop";
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static void MapProxyEndpoints(WebApplication app, int maxBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<ThirdPartyProxy>() is not { } proxy)
        {
            return; // Proxy:Enabled is false
        }

        var logger = app.Services.GetRequiredService<ILogger<ProxyEndpoints>>();
        var endpoints = new ProxyEndpoints(proxy, new AltoExchange(maxBodyBytes, logger), app.Services.GetRequiredService<ProxyMetrics>(), logger);
        var admission = app.Services.GetRequiredService<AltoAdmission>();
        var wan = new ListenerGroupMetadata(ListenerGroup.Wan);
        app.MapMethods(ProxyDirectory.DirectoryPath, GetAndHead, admission.Admit(endpoints.DirectoryAsync)).WithMetadata(wan);
        app.MapPost(ProxyDirectory.EndpointCostPath, admission.Admit(endpoints.EndpointCostAsync)).WithMetadata(wan);
        app.MapPost(ProxyDirectory.EndpointPropertyPath, admission.Admit(endpoints.EndpointPropertiesAsync)).WithMetadata(wan);
    }

    private Task DirectoryAsync(HttpContext context) =>
        exchange.AcceptCheck(context, AltoMediaTypes.Directory, out var rejected)
            ? AltoExchange.WriteAsync(context, StatusCodes.Status200OK, AltoMediaTypes.Directory,
                AltoJsonWriter.Write(ProxyDirectory.For(RequestAddressing.BaseUri(context))))
            : rejected;

    private async Task EndpointCostAsync(HttpContext context)
    {
        var body = await exchange.ReadRequestAsync(context, AltoMediaTypes.EndpointCost, AltoMediaTypes.EndpointCostParams).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        // Any well-formed cost type: which ones exist is the upstreams' business.
        if (!GatewayRequestReader.TryReadEndpointCostRequest(body, out var request, out var srcs, out var dsts, out var error))
        {
            await RefuseAsync(context, EndpointCostResource, error!).ConfigureAwait(false);
            return;
        }

        var tracker = RequestAddressing.ClientAddress(context);
        var outcome = await proxy.EndpointCostAsync(request!, srcs, dsts, tracker, context.RequestAborted).ConfigureAwait(false);
        var endpoints = srcs.Count + dsts.Count;
        await AnswerAsync(context, EndpointCostResource, outcome.Failure, outcome.Report, outcome.Upstream, endpoints,
            () => AltoJsonWriter.WriteInTrackersNames(outcome.Answer!), AltoMediaTypes.EndpointCost).ConfigureAwait(false);
    }

    private async Task EndpointPropertiesAsync(HttpContext context)
    {
        var body = await exchange.ReadRequestAsync(context, AltoMediaTypes.EndpointProperty, AltoMediaTypes.EndpointPropertyParams).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (!GatewayRequestReader.TryReadEndpointPropertyRequest(body, out var request, out var endpoints, out var error))
        {
            await RefuseAsync(context, EndpointPropertyResource, error!).ConfigureAwait(false);
            return;
        }

        var outcome = await proxy.EndpointPropertiesAsync(request!, endpoints, context.RequestAborted).ConfigureAwait(false);
        await AnswerAsync(context, EndpointPropertyResource, outcome.Failure, outcome.Report, outcome.Upstream, endpoints.Count,
            () => AltoJsonWriter.Write(outcome.Answer!, EndpointNameGrammar.Gateway), AltoMediaTypes.EndpointProperty).ConfigureAwait(false);
    }

    private Task RefuseAsync(HttpContext context, string resource, AltoError error)
    {
        metrics.Request(resource, StatusCodes.Status400BadRequest);
        return exchange.BadRequestAsync(context, error);
    }

    private Task AnswerAsync(HttpContext context, string resource, ProxyFailure? failure, ProxyReport report, string upstream, int endpoints, Func<byte[]> write, string mediaType)
    {
        foreach (var reason in report.Unresolved.Values)
        {
            metrics.Unresolved(reason);
        }

        if (failure is not null)
        {
            metrics.Request(resource, failure.Status);
            ProxyLog.Failed(logger, resource, RequestAddressing.ClientAddress(context).ToString(), failure.Status, failure.Error.SyntaxError ?? failure.Error.Code);
            if (failure.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((long)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return AltoExchange.WriteAsync(context, failure.Status, AltoMediaTypes.Error, AltoJsonWriter.Write(failure.Error));
        }

        metrics.Request(resource, StatusCodes.Status200OK);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            ProxyLog.Answered(logger, resource, RequestAddressing.ClientAddress(context).ToString(), endpoints, report.Unresolved.Count, upstream);
        }

        return AltoExchange.WriteAsync(context, StatusCodes.Status200OK, mediaType, write());
    }
}

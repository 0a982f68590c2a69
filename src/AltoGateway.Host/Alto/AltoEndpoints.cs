using System.Text.Json;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.MediaTypes;
using AltoGateway.Host.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Alto;

/// <summary>
/// The built-in ALTO server (RFC 7285) on HTTP, on both listener groups: IRD, network map, one
/// cost map per cost type (each also to HEAD), filtered network map, filtered cost map, EPS and
/// ECS. Each request is admitted by <see cref="AltoAdmission"/> (503 beyond its limits), checked
/// and read by <see cref="AltoExchange"/> (406/415/413/400), and answered by the engine in service
/// when it started (<see cref="AltoServer.Current"/>).
/// </summary>
internal sealed class AltoEndpoints(AltoServer server, AltoExchange exchange)
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps the ALTO resources; no listener-group restriction (LAN peers and trackers both ask).</summary>
    public static void MapAltoEndpoints(WebApplication app, int maxBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(app);
        var server = app.Services.GetRequiredService<AltoServer>();
        if (server.Current is null)
        {
            return; // the alto-server component is failed and says why
        }

        var admission = app.Services.GetRequiredService<AltoAdmission>();
        var alto = new AltoEndpoints(server, new AltoExchange(maxBodyBytes, app.Services.GetRequiredService<ILogger<AltoEndpoints>>()));
        app.MapMethods("/directory", GetAndHead, admission.Admit(alto.DirectoryAsync));
        app.MapMethods("/networkmap", GetAndHead, admission.Admit(c => alto.GetAsync(c, AltoMediaTypes.NetworkMap, e => e.NetworkMapBody)));
        app.MapMethods("/costmap/" + AltoServerDirectory.NumericalName, GetAndHead,
            admission.Admit(c => alto.GetAsync(c, AltoMediaTypes.CostMap, e => e.CostMapBody(AltoMaps.NumericalRoutingCost))));
        app.MapMethods("/costmap/" + AltoServerDirectory.OrdinalName, GetAndHead,
            admission.Admit(c => alto.GetAsync(c, AltoMediaTypes.CostMap, e => e.CostMapBody(AltoMaps.OrdinalRoutingCost))));
        app.MapPost("/networkmap/filtered", admission.Admit(alto.FilteredNetworkMapAsync));
        app.MapPost("/costmap/filtered", admission.Admit(alto.FilteredCostMapAsync));
        app.MapPost("/endpointprop", admission.Admit(alto.EndpointPropertiesAsync));
        app.MapPost("/endpointcost", admission.Admit(alto.EndpointCostAsync));
    }

    /// <summary>The engine this request answers from, taken once.</summary>
    private AltoServerEngine Engine => server.Current!;

    private Task DirectoryAsync(HttpContext context) =>
        exchange.AcceptCheck(context, AltoMediaTypes.Directory, out var rejected)
            ? AltoExchange.WriteAsync(context, StatusCodes.Status200OK, AltoMediaTypes.Directory,
                AltoJsonWriter.Write(AltoServerDirectory.For(RequestAddressing.BaseUri(context))))
            : rejected;

    private Task GetAsync(HttpContext context, string mediaType, Func<AltoServerEngine, byte[]> body) =>
        exchange.AcceptCheck(context, mediaType, out var rejected)
            ? AltoExchange.WriteAsync(context, StatusCodes.Status200OK, mediaType, body(Engine))
            : rejected;

    private async Task FilteredNetworkMapAsync(HttpContext context)
    {
        var engine = Engine;
        var body = await exchange.ReadRequestAsync(context, AltoMediaTypes.NetworkMap, AltoMediaTypes.NetworkMapFilter).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (!AltoJsonReader.TryReadNetworkMapFilterRequest(body, out var request, out var error))
        {
            await exchange.BadRequestAsync(context, error!).ConfigureAwait(false);
            return;
        }

        // A filtered map is not complete, so the writer's completeness check does not apply; it is
        // serialised with the core's generated context.
        await AltoExchange.WriteAsync(context, StatusCodes.Status200OK, AltoMediaTypes.NetworkMap,
            JsonSerializer.SerializeToUtf8Bytes(engine.FilteredNetworkMap(request!), AltoJsonContext.Default.NetworkMapResponse)).ConfigureAwait(false);
    }

    private async Task FilteredCostMapAsync(HttpContext context)
    {
        var engine = Engine;
        var body = await exchange.ReadRequestAsync(context, AltoMediaTypes.CostMap, AltoMediaTypes.CostMapFilter).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (!AltoJsonReader.TryReadFilteredCostMapRequest(body, out var request, out var error, AltoMaps.CostTypes))
        {
            await exchange.BadRequestAsync(context, error!).ConfigureAwait(false);
            return;
        }

        await AltoExchange.WriteAsync(context, StatusCodes.Status200OK, AltoMediaTypes.CostMap, AltoJsonWriter.Write(engine.FilteredCostMap(request!))).ConfigureAwait(false);
    }

    private async Task EndpointPropertiesAsync(HttpContext context)
    {
        var engine = Engine;
        var body = await exchange.ReadRequestAsync(context, AltoMediaTypes.EndpointProperty, AltoMediaTypes.EndpointPropertyParams).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (!AltoJsonReader.TryReadEndpointPropertyRequest(body, out var request, out var error)
            || (error = AltoServerEngine.CheckProperties(request!)) is not null)
        {
            await exchange.BadRequestAsync(context, error!).ConfigureAwait(false);
            return;
        }

        await AltoExchange.WriteAsync(context, StatusCodes.Status200OK, AltoMediaTypes.EndpointProperty, AltoJsonWriter.Write(engine.EndpointProperties(request!))).ConfigureAwait(false);
    }

    private async Task EndpointCostAsync(HttpContext context)
    {
        var engine = Engine;
        var body = await exchange.ReadRequestAsync(context, AltoMediaTypes.EndpointCost, AltoMediaTypes.EndpointCostParams).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (!AltoJsonReader.TryReadEndpointCostRequest(body, out var request, out var error, AltoMaps.CostTypes))
        {
            await exchange.BadRequestAsync(context, error!).ConfigureAwait(false);
            return;
        }

        await AltoExchange.WriteAsync(context, StatusCodes.Status200OK, AltoMediaTypes.EndpointCost,
            AltoJsonWriter.Write(engine.EndpointCost(request!, RequestAddressing.ClientAddress(context)))).ConfigureAwait(false);
    }
}

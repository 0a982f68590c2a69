using System.Globalization;
using System.Net;
using System.Text.Json;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.MediaTypes;
using AltoGateway.Alto.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Alto;

/// <summary>
/// The built-in ALTO server (RFC 7285) on both listener groups: IRD, network map, one cost map per
/// cost type, filtered network map, filtered cost map, EPS and ECS. Output is strict: exact media
/// types without parameters, Accept honoured (406), request Content-Type checked (415), request
/// bodies limited (413), and every malformed request answered 400 with the core reader's one error.
/// </summary>
internal sealed class AltoEndpoints
{
    public const string NumericalName = "num-routingcost";
    public const string OrdinalName = "ord-routingcost";
    public const string PidProperty = "pid";
    public static readonly string NetworkMapPidProperty = AltoMaps.NetworkMapId + ".pid";

    private readonly AltoMaps _maps;
    private readonly AltoExchange _exchange;
    private readonly byte[] _networkMap;
    private readonly byte[] _numericalCostMap;
    private readonly byte[] _ordinalCostMap;

    private AltoEndpoints(AltoMaps maps, int maxBodyBytes, ILogger logger)
    {
        _maps = maps;
        _exchange = new AltoExchange(maxBodyBytes, logger);
        _networkMap = AltoJsonWriter.Write(new NetworkMapResponse { Meta = new ResponseMeta { Vtag = maps.Vtag }, NetworkMap = maps.Groups });
        _numericalCostMap = AltoJsonWriter.Write(CostMap(AltoMaps.NumericalRoutingCost, maps.Numerical));
        _ordinalCostMap = AltoJsonWriter.Write(CostMap(AltoMaps.OrdinalRoutingCost, maps.Ordinal));
    }

    /// <summary>Maps the ALTO resources; no listener-group restriction (LAN peers and trackers both ask).</summary>
    public static void MapAltoEndpoints(WebApplication app, int maxBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(app);
        var server = app.Services.GetRequiredService<AltoServer>();
        if (server.Maps is null)
        {
            return; // the alto-server component is failed and says why
        }

        var alto = new AltoEndpoints(server.Maps, maxBodyBytes, app.Services.GetRequiredService<ILogger<AltoEndpoints>>());
        app.MapGet("/directory", (RequestDelegate)alto.DirectoryAsync);
        app.MapGet("/networkmap", (RequestDelegate)(c => alto.GetAsync(c, AltoMediaTypes.NetworkMap, alto._networkMap)));
        app.MapGet("/costmap/" + NumericalName, (RequestDelegate)(c => alto.GetAsync(c, AltoMediaTypes.CostMap, alto._numericalCostMap)));
        app.MapGet("/costmap/" + OrdinalName, (RequestDelegate)(c => alto.GetAsync(c, AltoMediaTypes.CostMap, alto._ordinalCostMap)));
        app.MapPost("/networkmap/filtered", (RequestDelegate)alto.FilteredNetworkMapAsync);
        app.MapPost("/costmap/filtered", (RequestDelegate)alto.FilteredCostMapAsync);
        app.MapPost("/endpointprop", (RequestDelegate)alto.EndpointPropertiesAsync);
        app.MapPost("/endpointcost", (RequestDelegate)alto.EndpointCostAsync);
    }

    /// <summary>The IRD (§9), with absolute URIs on the scheme and host the client used, so they are reachable on the listener it asked.</summary>
    public static InformationResourceDirectory Directory(string baseUri)
    {
        var costTypeNames = new List<string> { NumericalName, OrdinalName };
        return new InformationResourceDirectory
        {
            Meta = new ResponseMeta
            {
                CostTypes = new Dictionary<string, CostType>(StringComparer.Ordinal)
                {
                    [NumericalName] = AltoMaps.NumericalRoutingCost,
                    [OrdinalName] = AltoMaps.OrdinalRoutingCost,
                },
                DefaultAltoNetworkMap = AltoMaps.NetworkMapId,
            },
            Resources = new Dictionary<string, ResourceEntry>(StringComparer.Ordinal)
            {
                [AltoMaps.NetworkMapId] = new() { Uri = baseUri + "/networkmap", MediaType = AltoMediaTypes.NetworkMap },
                ["costmap-" + NumericalName] = new()
                {
                    Uri = baseUri + "/costmap/" + NumericalName,
                    MediaType = AltoMediaTypes.CostMap,
                    Capabilities = new ResourceCapabilities { CostTypeNames = [NumericalName] },
                    Uses = [AltoMaps.NetworkMapId],
                },
                ["costmap-" + OrdinalName] = new()
                {
                    Uri = baseUri + "/costmap/" + OrdinalName,
                    MediaType = AltoMediaTypes.CostMap,
                    Capabilities = new ResourceCapabilities { CostTypeNames = [OrdinalName] },
                    Uses = [AltoMaps.NetworkMapId],
                },
                ["filtered-network-map"] = new()
                {
                    Uri = baseUri + "/networkmap/filtered",
                    MediaType = AltoMediaTypes.NetworkMap,
                    Accepts = AltoMediaTypes.NetworkMapFilter,
                    Uses = [AltoMaps.NetworkMapId],
                },
                ["filtered-cost-map"] = new()
                {
                    Uri = baseUri + "/costmap/filtered",
                    MediaType = AltoMediaTypes.CostMap,
                    Accepts = AltoMediaTypes.CostMapFilter,
                    Capabilities = new ResourceCapabilities { CostConstraints = true, CostTypeNames = costTypeNames },
                    Uses = [AltoMaps.NetworkMapId],
                },
                ["endpoint-property"] = new()
                {
                    Uri = baseUri + "/endpointprop",
                    MediaType = AltoMediaTypes.EndpointProperty,
                    Accepts = AltoMediaTypes.EndpointPropertyParams,
                    Capabilities = new ResourceCapabilities { PropTypes = [NetworkMapPidProperty, PidProperty] },
                    Uses = [AltoMaps.NetworkMapId],
                },
                ["endpoint-cost"] = new()
                {
                    // §11.5.1: an ECS carries no "uses".
                    Uri = baseUri + "/endpointcost",
                    MediaType = AltoMediaTypes.EndpointCost,
                    Accepts = AltoMediaTypes.EndpointCostParams,
                    Capabilities = new ResourceCapabilities { CostConstraints = true, CostTypeNames = [.. costTypeNames] },
                },
            },
        };
    }

    private CostMapResponse CostMap(CostType costType, Dictionary<string, Dictionary<string, double>> matrix) => new()
    {
        // §11.2.3.6: exactly one dependent vtag, the network map's.
        Meta = new ResponseMeta { DependentVtags = [_maps.Vtag], CostType = costType },
        CostMap = matrix,
    };

    private Task DirectoryAsync(HttpContext context)
    {
        if (!_exchange.AcceptCheck(context, AltoMediaTypes.Directory, out var rejected))
        {
            return rejected;
        }

        var request = context.Request;
        var host = request.Host.HasValue
            ? request.Host.Value
            : FormatHost(context.Connection.LocalIpAddress, context.Connection.LocalPort);
        return AltoExchange.WriteAsync(context, StatusCodes.Status200OK, AltoMediaTypes.Directory, AltoJsonWriter.Write(Directory(request.Scheme + "://" + host)));
    }

    private Task GetAsync(HttpContext context, string mediaType, byte[] body) =>
        _exchange.AcceptCheck(context, mediaType, out var rejected) ? AltoExchange.WriteAsync(context, StatusCodes.Status200OK, mediaType, body) : rejected;

    private async Task FilteredNetworkMapAsync(HttpContext context)
    {
        var body = await _exchange.ReadRequestAsync(context, AltoMediaTypes.NetworkMap, AltoMediaTypes.NetworkMapFilter).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (!AltoJsonReader.TryReadNetworkMapFilterRequest(body, out var request, out var error))
        {
            await _exchange.BadRequestAsync(context, error!).ConfigureAwait(false);
            return;
        }

        // §11.3.1.3: empty means all, duplicates count once, unknown PIDs and address types are ignored.
        var pids = request!.Pids.Count == 0 ? null : request.Pids.ToHashSet(StringComparer.Ordinal);
        var types = request.AddressTypes is null or { Count: 0 } ? null : request.AddressTypes.ToHashSet(StringComparer.Ordinal);
        var map = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (var (pid, group) in _maps.Groups)
        {
            if (pids is null || pids.Contains(pid))
            {
                map[pid] = group.Where(g => types is null || types.Contains(g.Key)).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
            }
        }

        // §11.3.1.6: the vtag is the full map's. A filtered map is not complete, so the writer's
        // completeness check does not apply; it is serialised with the core's generated context.
        var response = new NetworkMapResponse { Meta = new ResponseMeta { Vtag = _maps.Vtag }, NetworkMap = map };
        await AltoExchange.WriteAsync(context, StatusCodes.Status200OK, AltoMediaTypes.NetworkMap,
            JsonSerializer.SerializeToUtf8Bytes(response, AltoJsonContext.Default.NetworkMapResponse)).ConfigureAwait(false);
    }

    private async Task FilteredCostMapAsync(HttpContext context)
    {
        var body = await _exchange.ReadRequestAsync(context, AltoMediaTypes.CostMap, AltoMediaTypes.CostMapFilter).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (!AltoJsonReader.TryReadFilteredCostMapRequest(body, out var request, out var error, AltoMaps.CostTypes))
        {
            await _exchange.BadRequestAsync(context, error!).ConfigureAwait(false);
            return;
        }

        var costType = Canonical(request!.CostType);
        var constraints = Constraints(request.Constraints);
        var srcs = request.Pids?.Srcs is { Count: > 0 } s ? s.ToHashSet(StringComparer.Ordinal) : null;
        var dsts = request.Pids?.Dsts is { Count: > 0 } d ? d.ToHashSet(StringComparer.Ordinal) : null;
        var matrix = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (source, row) in _maps.Matrix(costType))
        {
            if (srcs is not null && !srcs.Contains(source))
            {
                continue;
            }

            matrix[source] = row
                .Where(p => (dsts is null || dsts.Contains(p.Key)) && constraints.Admits(p.Value))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }

        await AltoExchange.WriteAsync(context, StatusCodes.Status200OK, AltoMediaTypes.CostMap, AltoJsonWriter.Write(CostMap(costType, matrix))).ConfigureAwait(false);
    }

    private async Task EndpointPropertiesAsync(HttpContext context)
    {
        var body = await _exchange.ReadRequestAsync(context, AltoMediaTypes.EndpointProperty, AltoMediaTypes.EndpointPropertyParams).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (!AltoJsonReader.TryReadEndpointPropertyRequest(body, out var request, out var error))
        {
            await _exchange.BadRequestAsync(context, error!).ConfigureAwait(false);
            return;
        }

        // §11.4.1.3: every property must be one the resource offers; entries listed twice count once.
        if (request!.Properties.FirstOrDefault(p => p != PidProperty && p != NetworkMapPidProperty) is { } unsupported)
        {
            await _exchange.BadRequestAsync(context, AltoError.InvalidFieldValue("properties", unsupported)).ConfigureAwait(false);
            return;
        }

        var properties = request.Properties.Distinct(StringComparer.Ordinal).ToList();
        var answer = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var text in request.Endpoints)
        {
            var address = TypedEndpointAddress.Parse(text); // checked by the reader
            answer[text] = _maps.Map.TryFindPid(address, out var pid)
                ? properties.ToDictionary(p => p, _ => pid, StringComparer.Ordinal)
                : [];
        }

        var response = new EndpointPropertyResponse { Meta = new ResponseMeta { DependentVtags = [_maps.Vtag] }, EndpointProperties = answer };
        await AltoExchange.WriteAsync(context, StatusCodes.Status200OK, AltoMediaTypes.EndpointProperty, AltoJsonWriter.Write(response)).ConfigureAwait(false);
    }

    private async Task EndpointCostAsync(HttpContext context)
    {
        var body = await _exchange.ReadRequestAsync(context, AltoMediaTypes.EndpointCost, AltoMediaTypes.EndpointCostParams).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (!AltoJsonReader.TryReadEndpointCostRequest(body, out var request, out var error, AltoMaps.CostTypes))
        {
            await _exchange.BadRequestAsync(context, error!).ConfigureAwait(false);
            return;
        }

        var costType = Canonical(request!.CostType);
        var constraints = Constraints(request.Constraints);

        // §11.5.1.3: srcs empty or absent means the client's own address.
        var srcs = request.Endpoints.Srcs is { Count: > 0 } given ? given : [ClientAddress(context)];
        var numerical = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var src in srcs)
        {
            if (!_maps.Map.TryFindPid(TypedEndpointAddress.Parse(src), out var srcPid) || !_maps.Numerical.TryGetValue(srcPid, out var costs))
            {
                numerical[src] = [];
                continue;
            }

            var row = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var dst in request.Endpoints.Dsts)
            {
                // Pairs with no defined cost are omitted (§11.5.1.6).
                if (_maps.Map.TryFindPid(TypedEndpointAddress.Parse(dst), out var dstPid) && costs.TryGetValue(dstPid, out var cost))
                {
                    row[dst] = cost;
                }
            }

            numerical[src] = row;
        }

        // Ordinal: for each source, the dense rank of the numerical cost among the destinations asked
        // (1 = cheapest, ties share a rank), as in the RFC 7285 §11.5.1.7 example; then the constraints.
        var values = costType.Equals(AltoMaps.OrdinalRoutingCost) ? AltoMaps.Rank(numerical) : numerical;
        var answer = values.ToDictionary(
            r => r.Key,
            r => r.Value.Where(p => constraints.Admits(p.Value)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            StringComparer.Ordinal);
        var response = new EndpointCostResponse { Meta = new ResponseMeta { CostType = costType }, EndpointCostMap = answer };
        await AltoExchange.WriteAsync(context, StatusCodes.Status200OK, AltoMediaTypes.EndpointCost, AltoJsonWriter.Write(response)).ConfigureAwait(false);
    }

    /// <summary>The request's constraints, already checked by the reader (§11.3.2.3: ANDed).</summary>
    private static CostConstraintSet Constraints(List<string>? texts) =>
        CostConstraintSet.TryParse(texts, out var set, out _, out _) ? set : CostConstraintSet.None;

    private static CostType Canonical(CostType asked) =>
        asked.Equals(AltoMaps.OrdinalRoutingCost) ? AltoMaps.OrdinalRoutingCost : AltoMaps.NumericalRoutingCost;

    private static string ClientAddress(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        return TypedEndpointAddress.FromIPAddress(remote).ToString();
    }

    private static string FormatHost(IPAddress? address, int port)
    {
        var text = address is null ? "localhost"
            : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + address + "]"
            : address.ToString();
        return text + ":" + port.ToString(CultureInfo.InvariantCulture);
    }
}

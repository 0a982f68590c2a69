using System.Net;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Http;
using AltoGateway.Host.Nat;
using AltoGateway.Nat;
using AltoGateway.Nat.Map;
using AltoGateway.Nat.Resolution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AltoGateway.Host.Control;

/// <summary>What the command line asks the running agent, on the control socket only.</summary>
internal static class ControlEndpoints
{
    public const int MaxListLimit = 100_000;

    public static void MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        var control = new ListenerGroupMetadata(ListenerGroup.Control);

        app.MapGet("/control/nat/lookup", (string? target, string? protocol, SubscriberResolver resolver, NatMetrics metrics) =>
        {
            if (!TryParseTarget(target, out var address, out var port))
            {
                return Error($"'{target}' is not ADDRESS or ADDRESS:PORT (IPv6 with a port in brackets)");
            }

            NatProtocol? only = null;
            if (!string.IsNullOrEmpty(protocol))
            {
                if (!StaticMappingOptions.TryParseProtocol(protocol, out var parsed))
                {
                    return Error($"'{protocol}' is not a protocol; use tcp, udp or sctp");
                }

                only = parsed;
            }

            var resolution = port is { } p ? resolver.ByAddressAndPort(address!, p, only) : resolver.ByAddress(address!);
            metrics.Lookup(port is null ? "address" : "address-port", resolution.Outcome);
            return Results.Json(ToDocument(target!, resolution), ControlJsonContext.Default.ResolutionDocument);
        }).WithMetadata(control);

        app.MapGet("/control/nat/list", (int? limit, NatMap map) =>
        {
            var take = Math.Clamp(limit ?? 100, 1, MaxListLimit);
            var mappings = map.Snapshot(take).Select(ToDocument).ToList();
            return Results.Json(new MappingListDocument(map.Count, map.SubscriberCount, mappings), ControlJsonContext.Default.MappingListDocument);
        }).WithMetadata(control);

        app.MapGet("/control/peer-id/resolve", (string? id, SubscriberResolver resolver, NatMetrics metrics) =>
        {
            var resolution = resolver.ByPeerId(id ?? string.Empty);
            metrics.Lookup("peer-id", resolution.Outcome);
            return Results.Json(ToDocument(id ?? string.Empty, resolution), ControlJsonContext.Default.ResolutionDocument);
        }).WithMetadata(control);

        app.MapLeaseEndpoints();
    }

    /// <summary>ADDRESS, ADDRESS:PORT or [IPv6]:PORT.</summary>
    public static bool TryParseTarget(string? target, out IPAddress? address, out ushort? port)
    {
        // The endpoint form first: IPAddress.TryParse accepts "[2001:db8::1]:80" and drops the port.
        if (StaticMappingOptions.TryParseEndpoint(target, out var endpoint))
        {
            address = endpoint!.Address;
            port = (ushort)endpoint.Port;
            return true;
        }

        port = null;
        return IPAddress.TryParse(target, out address) && !target!.Contains("]:", StringComparison.Ordinal);
    }

    private static IResult Error(string message) =>
        Results.Json(new ControlErrorDocument(message), ControlJsonContext.Default.ControlErrorDocument, statusCode: StatusCodes.Status400BadRequest);

    private static ResolutionDocument ToDocument(string query, SubscriberResolution resolution) =>
        new(query, NatMetrics.OutcomeName(resolution.Outcome), resolution.Subscriber?.ToString(), SourceName(resolution.Source), resolution.Reason);

    private static string SourceName(ResolutionSource source) => source switch
    {
        ResolutionSource.NatMap => "nat-map",
        ResolutionSource.PortBlock => "port-block",
        ResolutionSource.PeerId => "peer-id",
        _ => "none",
    };

    private static MappingDocument ToDocument(NatMapEntry entry)
    {
        var m = entry.Mapping;
        return new MappingDocument(
            m.Protocol.ToString().ToLowerInvariant(),
            new IPEndPoint(m.InternalAddress, m.InternalPort).ToString(),
            new IPEndPoint(m.ExternalAddress, m.ExternalPort).ToString(),
            m.Source.ToString().ToLowerInvariant(),
            entry.FirstSeen,
            entry.LastSeen,
            entry.Expires);
    }
}

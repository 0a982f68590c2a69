using System.Text.Json.Serialization;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Http;
using AltoGateway.Host.Nat;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AltoGateway.Host.Nat;

/// <summary><c>GET /peer-id</c> on the LAN listeners: the asking subscriber's own peer ID, nobody else's.</summary>
internal static class PeerIdEndpoints
{
    public static void MapPeerIdEndpoints(this IEndpointRouteBuilder app, string? altoDirectoryUri)
    {
        app.MapGet("/peer-id", (HttpContext context, PeerIdService peerIds) =>
        {
            var remote = context.Connection.RemoteIpAddress;
            var subscriber = remote is { IsIPv4MappedToIPv6: true } ? remote.MapToIPv4() : remote;
            var issued = subscriber is null ? null : peerIds.IssueFor(subscriber);
            if (issued is not { } id)
            {
                return Results.Json(new PeerIdErrorDocument("this agent issues no peer IDs now (see /status, component peer-ids)"),
                    PeerIdJsonContext.Default.PeerIdErrorDocument, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Json(new PeerIdDocument(id.Value, id.ValidUntil, subscriber!.ToString(), altoDirectoryUri), PeerIdJsonContext.Default.PeerIdDocument);
        }).WithMetadata(new ListenerGroupMetadata(ListenerGroup.Lan));
    }

    /// <summary>
    /// The ALTO directory URI peers are told (for trackers): configured, or the third-party proxy's IRD
    /// on the first WAN listener, the only directory that understands peer IDs.
    /// </summary>
    public static string? DirectoryUri(PeerIdOptions options, ListenerMap listeners) =>
        options.AltoDirectoryUri.Length > 0 ? options.AltoDirectoryUri
        : listeners.Wan.Count > 0 ? listeners.Wan[0].Url.TrimEnd('/') + Proxy.ProxyDirectory.DirectoryPath
        : null;
}

/// <summary>The body of <c>GET /peer-id</c>.</summary>
internal sealed record PeerIdDocument(string PeerId, DateTimeOffset ValidUntil, string Subscriber, string? AltoDirectoryUri);

internal sealed record PeerIdErrorDocument(string Error);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PeerIdDocument))]
[JsonSerializable(typeof(PeerIdErrorDocument))]
internal sealed partial class PeerIdJsonContext : JsonSerializerContext;

using AltoGateway.Host.Configuration;
using AltoGateway.Host.Metrics;
using Microsoft.AspNetCore.Http;

namespace AltoGateway.Host.Http;

/// <summary>
/// Keeps each endpoint on the listener group it belongs to (404 elsewhere, as if it did not exist
/// there: LAN-only pages off the WAN, control verbs off both) and counts every answer by listener
/// group and status code.
/// </summary>
internal sealed class ListenerGroupMiddleware(RequestDelegate next, ListenerMap listeners, AgentMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Only the control socket is not an IP listener: its connections have no local address.
        var group = context.Connection.LocalIpAddress is null
            ? ListenerGroup.Control
            : listeners.GroupOf(context.Connection.LocalIpAddress, context.Connection.LocalPort);
        var required = context.GetEndpoint()?.Metadata.GetMetadata<ListenerGroupMetadata>();
        if (required is not null && required.Group != group)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else
        {
            await next(context).ConfigureAwait(false);
        }

        metrics.HttpRequestAnswered(group switch
        {
            ListenerGroup.Lan => "lan",
            ListenerGroup.Wan => "wan",
            ListenerGroup.Control => "control",
            _ => "other",
        }, context.Response.StatusCode);
    }
}

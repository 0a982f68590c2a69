using AltoGateway.Host.Configuration;
using AltoGateway.Host.Metrics;
using Microsoft.AspNetCore.Http;

namespace AltoGateway.Host.Http;

/// <summary>
/// Keeps LAN-only endpoints off the WAN listeners (404, as if they did not exist there) and
/// counts every answer by listener group and status code.
/// </summary>
internal sealed class ListenerGroupMiddleware(RequestDelegate next, ListenerMap listeners, AgentMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var group = listeners.GroupOf(context.Connection.LocalIpAddress, context.Connection.LocalPort);
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
            _ => "other",
        }, context.Response.StatusCode);
    }
}

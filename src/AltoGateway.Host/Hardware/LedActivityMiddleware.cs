using Microsoft.AspNetCore.Http;

namespace AltoGateway.Host.Hardware;

/// <summary>
/// Flashes the activity LED for each ALTO transaction: a request that reached an endpoint on a TCP
/// listener, except the owner's own /healthz, /status and /metrics (a monitoring poll is no
/// activity) and the control socket.
/// </summary>
internal sealed class LedActivityMiddleware(RequestDelegate next, StatusLedHardware leds)
{
    private static readonly string[] NotTransactions = ["/healthz", "/status", "/metrics"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not null
            && context.Connection.LocalIpAddress is not null
            && !NotTransactions.Contains(context.Request.Path.Value, StringComparer.Ordinal))
        {
            leds.Activity.Pulse();
        }

        return next(context);
    }
}

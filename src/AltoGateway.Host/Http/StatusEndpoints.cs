using AltoGateway.Hardware.Leds;
using AltoGateway.Health;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Dhcp;
using AltoGateway.Host.Hardware;
using AltoGateway.Host.Hosting;
using AltoGateway.Host.Metrics;
using AltoGateway.Host.Nat;
using AltoGateway.Nat.Map;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AltoGateway.Host.Http;

/// <summary><c>/healthz</c> (both groups), <c>/status</c> and <c>/metrics</c> (LAN only).</summary>
internal static class StatusEndpoints
{
    public static void MapStatusEndpoints(this IEndpointRouteBuilder app, DateTimeOffset startedAt)
    {
        app.MapGet("/healthz", (HealthRegistry health) =>
        {
            var components = health.Snapshot();
            var overall = health.Overall;
            var body = new HealthzDocument(Name(overall), components.Where(c => c.State != HealthState.Ready).Select(ToDocument).ToList());

            // Degraded still serves; starting and failed do not.
            var code = overall is HealthState.Ready or HealthState.Degraded ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            return Results.Json(body, HostJsonContext.Default.HealthzDocument, statusCode: code);
        });

        app.MapGet("/status", (HealthRegistry health, ListenerMap listeners, TimeProvider time, NatMap map, NatMetrics nat, ConntrackFeed conntrack, StatusLedHardware leds, DhcpSettings dhcp, DhcpV4Servers servers) =>
        {
            var body = new StatusDocument(
                "altogw",
                AgentVersion.Text,
                Name(health.Overall),
                startedAt,
                Math.Round((time.GetUtcNow() - startedAt).TotalSeconds, 3),
                new StatusListeners(listeners.Lan.Select(e => e.Url).ToList(), listeners.Wan.Select(e => e.Url).ToList()),
                health.Snapshot().Select(ToDocument).ToList(),
                new StatusNat(map.Count, map.SubscriberCount, map.MaxEntries, map.Evicted, map.Expired, map.Rejected, nat.Lookups, nat.Misses, conntrack.Events, conntrack.Resyncs),
                new StatusLeds(leds.Board, leds.Runner.DriverDescription,
                    leds.Runner.Snapshot().Select(s => new StatusLed(s.Role.Name(), s.Pattern.Name(), s.Lit, s.Since, s.Present)).ToList()),
                DhcpStatus(dhcp, servers));
            return Results.Json(body, HostJsonContext.Default.StatusDocument);
        }).WithMetadata(new ListenerGroupMetadata(ListenerGroup.Lan));

        app.MapGet("/metrics", (PrometheusExporter exporter) => Results.Text(exporter.Scrape(), PrometheusExporter.ContentType))
            .WithMetadata(new ListenerGroupMetadata(ListenerGroup.Lan));
    }

    private static List<StatusDhcpInterface> DhcpStatus(DhcpSettings dhcp, DhcpV4Servers servers) =>
        [.. dhcp.Options.Interfaces.Select(nic =>
        {
            var server = nic.V4Mode == DhcpV4Mode.Server ? servers.For(nic.Name) : null;
            var running = server?.Server is not null;
            return new StatusDhcpInterface(nic.Name, nic.Role.ToString(), nic.V4Mode.ToString(), nic.V6Mode.ToString(),
                running ? server!.Bound : null, running ? server!.PoolSize : null);
        })];

    private static StatusComponent ToDocument(ComponentHealth c) => new(c.Component, Name(c.State), c.Reason, c.Since);

    private static string Name(HealthState state) => state.ToString().ToLowerInvariant();
}

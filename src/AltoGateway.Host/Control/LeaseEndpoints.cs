using AltoGateway.Dhcp.Leases;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Dhcp;
using AltoGateway.Host.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AltoGateway.Host.Control;

/// <summary><c>GET /control/dhcp/leases[?interface=NAME]</c> on the control socket: the DHCPv4 server's leases.</summary>
internal static class LeaseEndpoints
{
    public static void MapLeaseEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/control/dhcp/leases", (string? @interface, DhcpV4Servers servers) =>
        {
            var chosen = servers.Interfaces.Where(i => string.IsNullOrEmpty(@interface) || i.Name == @interface).ToList();
            if (chosen.Count == 0 && !string.IsNullOrEmpty(@interface))
            {
                return Results.Json(new ControlErrorDocument($"'{@interface}' is not an interface in DHCPv4 server mode"),
                    LeaseJsonContext.Default.ControlErrorDocument, statusCode: StatusCodes.Status404NotFound);
            }

            return Results.Json(new LeaseListDocument([.. chosen.Select(ToDocument)]), LeaseJsonContext.Default.LeaseListDocument);
        }).WithMetadata(new ListenerGroupMetadata(ListenerGroup.Control));
    }

    private static LeaseInterfaceDocument ToDocument(DhcpV4ServerInterface nic)
    {
        if (nic.Server is not { } server)
        {
            return new LeaseInterfaceDocument(nic.Name, false, nic.StartProblem ?? "not started", 0, 0, []);
        }

        var entries = server.Leases.Snapshot();
        var leases = entries.Select(e => new LeaseDocument(
            e.Address.ToString(), e.State.ToString().ToLowerInvariant(), e.Client.ToString(), Mac(e.Client), DateTimeOffset.FromUnixTimeSeconds(e.Until))).ToList();
        return new LeaseInterfaceDocument(nic.Name, true, null, DhcpV4ServerPlan.PoolSize(server.Leases.Pool), entries.Count(e => e.State == LeaseState.Bound), leases);
    }

    /// <summary>The MAC of an identity that is htype 1 (Ethernet) and six octets; null otherwise (a DUID, a conflict with no client).</summary>
    private static string? Mac(ClientIdentity client) =>
        client.Bytes is [1, _, _, _, _, _, _] bytes ? string.Join(':', bytes[1..].ToArray().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))) : null;
}

using Microsoft.Extensions.Hosting;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// Runs every interface's DHCP sockets (<see cref="DhcpInterfaceListener"/>), and the relay's uplink socket when an
/// interface relays, until the agent stops.
/// </summary>
internal sealed class DhcpTransport(IReadOnlyList<DhcpInterfaceListener> listeners, Relay.DhcpV4RelayUplink? relayUplink = null) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(listeners.Select(listener => Task.Run(() => listener.RunAsync(stoppingToken), CancellationToken.None))
            .Append(relayUplink is null ? Task.CompletedTask : Task.Run(() => relayUplink.RunAsync(stoppingToken), CancellationToken.None)));
}

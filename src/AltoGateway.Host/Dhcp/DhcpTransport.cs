using Microsoft.Extensions.Hosting;

namespace AltoGateway.Host.Dhcp;

/// <summary>Runs every interface's DHCP sockets (<see cref="DhcpInterfaceListener"/>) until the agent stops.</summary>
internal sealed class DhcpTransport(IReadOnlyList<DhcpInterfaceListener> listeners) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(listeners.Select(listener => Task.Run(() => listener.RunAsync(stoppingToken), CancellationToken.None)));
}

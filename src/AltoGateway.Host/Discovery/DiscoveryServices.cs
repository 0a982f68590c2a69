using AltoGateway.Discovery.Naptr;
using AltoGateway.Discovery.Responder;
using AltoGateway.Health;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Discovery;

/// <summary>Registers the discovery DNS responder: its zones, the answerer, the UDP and TCP listeners, metrics and health.</summary>
internal static class DiscoveryServices
{
    /// <summary>
    /// Adds the responder when <c>Discovery:Enabled</c>; the configuration passed <see cref="AgentConfiguration.Check"/>,
    /// so the zones build.
    /// </summary>
    public static void Add(IServiceCollection services, DiscoveryOptions options, ListenerMap listeners, NatOptions nat, ProxyOptions proxy, PeerIdOptions peerIds)
    {
        services.AddSingleton(options);
        services.AddSingleton<DiscoveryMetrics>();
        if (!options.Enabled)
        {
            services.AddHostedService(sp => new DisabledNotice(sp.GetRequiredService<ILogger<DnsAnswerer>>()));
            return;
        }

        var problems = new List<ConfigurationProblem>();
        var zones = DiscoveryZoneSettings.TryBuild(options, listeners, nat, proxy, peerIds, problems)
            ?? throw new InvalidOperationException("The Discovery section was not checked: " + string.Join("; ", problems));
        services.AddSingleton(new DnsAnswerer(zones));
        services.AddSingleton(new DnsListenerSettings(options.ListenEndpoints(), options.MaxTcpConnections, options.TcpIdleTimeout));
        services.AddSingleton(sp => new DiscoveryHealth(sp.GetRequiredService<HealthRegistry>()));
        services.AddHostedService(sp => new StartNotice(sp.GetRequiredService<DnsAnswerer>(), sp.GetRequiredService<DnsListenerSettings>(), sp.GetRequiredService<ILogger<DnsAnswerer>>()));
        services.AddHostedService<DnsUdpListener>();
        services.AddHostedService<DnsTcpListener>();
    }

    /// <summary>Logs the zones served, once, at start.</summary>
    private sealed class StartNotice(DnsAnswerer answerer, DnsListenerSettings settings, ILogger logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            DiscoveryLog.Listening(logger, string.Join(", ", settings.Endpoints));
            foreach (var zone in answerer.Zones.Zones)
            {
                var uris = string.Join(", ", zone.NaptrRecords.Select(n => UNaptrRegexp.TryReadSubstitution(n.Regexp, out var uri, out _) ? uri : n.Regexp));
                var reverse = zone.Prefixes.Count == 0 ? "" : $" for {string.Join(", ", zone.Prefixes)} at R{zone.ReverseLevel}";
                DiscoveryLog.Zone(logger, zone.Apex, zone.Serial, uris, reverse);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class DisabledNotice(ILogger logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            DiscoveryLog.Disabled(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using System.Net;
using AltoGateway.Dhcp.Alto;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Health;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Http;
using AltoGateway.Host.Nat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Dhcp;

/// <summary>Registers DHCP: one socket per interface and IP version, the mode's responder, metrics and health.</summary>
internal static class DhcpServices
{
    /// <summary>
    /// Adds DHCP for the interfaces of the <c>Dhcp</c> section; the configuration passed
    /// <see cref="AgentConfiguration.Check"/>, so its defaults resolve.
    /// </summary>
    public static void Add(IServiceCollection services, IConfiguration configuration, ListenerMap listeners, TimeProvider time)
    {
        var options = configuration.GetSection(DhcpOptions.SectionName).Get<DhcpOptions>() ?? new DhcpOptions();
        var problems = new List<ConfigurationProblem>();
        var settings = DhcpSettings.TryBuild(options, AgentConfiguration.Discovery(configuration), listeners, AgentConfiguration.PeerIds(configuration), problems)
            ?? throw new InvalidOperationException("The Dhcp section was not checked: " + string.Join("; ", problems));
        services.AddSingleton(settings);
        services.AddSingleton<DhcpMetrics>();
        var stateDirectory = AgentConfiguration.State(configuration).EffectiveDirectory;
        services.AddSingleton(sp => new DhcpV4Servers(settings, stateDirectory, sp.GetRequiredService<DhcpMetrics>(), sp.GetRequiredService<HealthRegistry>(),
            PeerIdsOf(settings, sp.GetRequiredService<PeerIdService>()), time, sp.GetRequiredService<ILogger<DhcpV4Servers>>()));
        if (!options.Serves)
        {
            services.AddHostedService(sp => new Notice(sp.GetRequiredService<ILogger<DhcpTransport>>(), DhcpLog.Disabled));
            return;
        }

        services.AddHostedService(sp => sp.GetRequiredService<DhcpV4Servers>()); // the lease stores open before the sockets
        services.AddHostedService(sp => CreateTransport(sp, settings, stateDirectory, time));
    }

    private static DhcpTransport CreateTransport(IServiceProvider services, DhcpSettings settings, string stateDirectory, TimeProvider time)
    {
        var logger = services.GetRequiredService<ILogger<DhcpTransport>>();
        var metrics = services.GetRequiredService<DhcpMetrics>();
        var peerIds = PeerIdsOf(settings, services.GetRequiredService<PeerIdService>());
        Func<IPAddress, string?>? PeerIds() => peerIds();
        var servers = services.GetRequiredService<DhcpV4Servers>();

        var rate = settings.Options.RateLimit;
        var rateLimiter = new WanClientRateLimiter(
            new WanRateLimitOptions { RequestsPerSecond = rate.MessagesPerSecond, Burst = rate.Burst, MaxClients = rate.MaxClients }, time);
        var alto = new AltoDhcpOptions(settings.Alto);
        LogOptions(logger, settings);

        var inform = new DhcpV4InformResponder(alto);
        DhcpV6StatelessResponder? stateless = null;
        if (settings.Options.Interfaces.Any(i => i.V6Mode == DhcpV6Mode.Stateless))
        {
            var duid = DhcpServerDuidStore.LoadOrCreate(stateDirectory, out var source, out var problem);
            if (problem is not null)
            {
                DhcpLog.ServerDuidNotKept(logger, problem, duid.ToString());
            }

            DhcpLog.ServerDuid(logger, duid.ToString(), source);
            stateless = new DhcpV6StatelessResponder(alto, duid, settings.Options.InformationRefreshTime);
        }

        var interfaces = settings.Options.Interfaces;
        var health = new DhcpHealth(services.GetRequiredService<HealthRegistry>(),
            interfaces.Where(i => i.V4Mode != DhcpV4Mode.Off).Select(i => $"DHCPv4 on {i.Name}")
                .Concat(interfaces.Where(i => i.V6Mode != DhcpV6Mode.Off).Select(i => $"DHCPv6 on {i.Name}"))
                .Concat(interfaces.Any(i => i.V4Mode == DhcpV4Mode.Relay) ? [Relay.DhcpV4RelayUplink.SocketName] : []));
        Relay.DhcpV4RelayUplink? relayUplink = null;
        var listeners = new List<DhcpInterfaceListener>();
        foreach (var nic in interfaces)
        {
            DhcpLog.Interface(logger, nic.Name, nic.Role.ToString(), nic.V4Mode.ToString(), nic.V6Mode.ToString());
            if (nic.V4Mode == DhcpV4Mode.Inform)
            {
                listeners.Add(new DhcpV4Listener(nic, new DhcpV4InformOnly(inform, PeerIds), health, metrics, rateLimiter, time, logger));
            }

            if (nic.V4Mode == DhcpV4Mode.Server)
            {
                listeners.Add(new DhcpV4Listener(nic, servers.For(nic.Name), health, metrics, rateLimiter, time, logger));
            }

            if (nic.V4Mode == DhcpV4Mode.Relay)
            {
                relayUplink ??= new Relay.DhcpV4RelayUplink(health, metrics, time, logger);
                listeners.Add(new DhcpV4Listener(nic, Relay.DhcpV4RelayCircuits.Create(nic, settings.Alto, alto, relayUplink, PeerIds, metrics, time, logger),
                    health, metrics, rateLimiter, time, logger));
            }

            if (nic.V6Mode == DhcpV6Mode.Stateless)
            {
                listeners.Add(new DhcpV6Listener(nic, stateless!, PeerIds, health, metrics, rateLimiter, time, logger));
            }
        }

        return new DhcpTransport(listeners, relayUplink);
    }

    /// <summary>The peer IDs to send, asked at each message (the issuer may come later than the sockets): null when none are sent.</summary>
    private static Func<Func<IPAddress, string?>?> PeerIdsOf(DhcpSettings settings, PeerIdService peerIds) =>
        () => settings.SendPeerIds && peerIds.Issuer is not null ? address => peerIds.IssueFor(address)?.Value : null;

    private static void LogOptions(ILogger logger, DhcpSettings settings) =>
        DhcpLog.AltoOptions(logger,
            settings.Alto.AccessDomain?.Name ?? "(none: 213 / 57 not sent)",
            settings.Alto.DirectoryUri?.AbsoluteUri ?? "(none)",
            settings.Alto.SiteSpecificUriCode,
            settings.Alto.EnterpriseNumber,
            settings.SendPeerIds ? "sent" : "not sent",
            settings.Alto.AlwaysSend ? "always" : "when asked for (PRL / ORO)");

    private sealed class Notice(ILogger logger, Action<ILogger> log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            log(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

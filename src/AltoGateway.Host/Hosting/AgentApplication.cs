using System.Net;
using AltoGateway.Health;
using AltoGateway.Host.Alto;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Control;
using AltoGateway.Host.Discovery;
using AltoGateway.Host.Hardware;
using AltoGateway.Host.Http;
using AltoGateway.Host.Metrics;
using AltoGateway.Host.Nat;
using AltoGateway.Host.Proxy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Hosting;

/// <summary>Builds the agent: one Generic Host with Kestrel, systemd integration and every component.</summary>
internal static class AgentApplication
{
    /// <summary>Graceful shutdown budget: systemd's stop timeout is longer, so we finish first.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Builds the agent from a configuration that passed <see cref="AgentConfiguration.Check"/>,
    /// once the control socket was prepared (<see cref="ControlSocket.TryPrepare"/>)
    /// (which runs every section's generated validator, so the sections are bound here without
    /// validating them a second time).
    /// </summary>
    public static WebApplication Build(IConfiguration configuration, TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "altogw",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);

        // Under systemd (or a NOTIFY_SOCKET): READY=1 and STOPPING=1; elsewhere a console program.
        SystemdIntegration.AddTo(builder.Services);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        var http = AgentConfiguration.Http(configuration);
        var listeners = new ListenerMap(http);
        var wanCredentials = WanAccessServices.Add(builder.Services, configuration, http.Wan, time);
        var controlSocket = AgentConfiguration.Control(configuration).EffectiveSocketPath;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = http.MaxRequestBodyBytes;
            foreach (var endpoint in listeners.Lan.Concat(listeners.Wan))
            {
                Listen(kestrel, endpoint, listen => WanAccessServices.UseHttps(listen, http.Wan.Tls, wanCredentials));
            }

            kestrel.ListenUnixSocket(controlSocket);
        });

        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(listeners);
        builder.Services.AddSingleton<HealthRegistry>();

        // First of the hosted services: the LEDs blink while the others start, and stop last.
        HardwareServices.Add(builder.Services, AgentConfiguration.Hardware(configuration), AgentConfiguration.State(configuration),
            ConfigurationFileDirectory.Of(configuration), time);
        builder.Services.AddSingleton<AgentMetrics>();
        builder.Services.AddSingleton<PrometheusExporter>();
        var peerIds = AgentConfiguration.PeerIds(configuration);
        NatServices.Add(builder.Services, AgentConfiguration.Nat(configuration), peerIds, AgentConfiguration.State(configuration), time);
        builder.Services.AddSingleton(AgentConfiguration.Alto(configuration));
        AltoServices.Add(builder.Services, configuration);
        ProxyServices.Add(builder.Services, AgentConfiguration.Proxy(configuration), peerIds, time);
        DiscoveryServices.Add(builder.Services, AgentConfiguration.Discovery(configuration), listeners,
            AgentConfiguration.Nat(configuration), AgentConfiguration.Proxy(configuration), peerIds);
        global::AltoGateway.Host.Dhcp.DhcpServices.Add(builder.Services, configuration, listeners, time);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, HostJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, ControlJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(2, PeerIdJsonContext.Default);
        });

        builder.Services.AddHostedService<HealthLogService>();
        builder.Services.AddHostedService<HttpListenersHealth>();
        builder.Services.AddHostedService(sp => new SystemdStatusService(
            sp.GetService<ISystemdNotifier>(),
            sp.GetRequiredService<HealthRegistry>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            time,
            SystemdWatchdogFromEnvironment(sp.GetRequiredService<ILogger<SystemdStatusService>>()),
            listeners,
            sp.GetRequiredService<ILogger<SystemdStatusService>>()));

        var app = builder.Build();
        app.UseMiddleware<ListenerGroupMiddleware>();
        app.UseMiddleware<WanAccessMiddleware>();
        app.UseMiddleware<LedActivityMiddleware>();
        app.MapStatusEndpoints(time.GetUtcNow());
        app.MapControlEndpoints();
        app.MapPeerIdEndpoints(PeerIdEndpoints.DirectoryUri(peerIds, listeners));
        AltoEndpoints.MapAltoEndpoints(app, http.MaxRequestBodyBytes);
        ProxyEndpoints.MapProxyEndpoints(app, http.MaxRequestBodyBytes);

        // The exporter listens before any instrument records, so no measurement is lost.
        _ = app.Services.GetRequiredService<PrometheusExporter>();
        _ = app.Services.GetRequiredService<AgentMetrics>();
        _ = app.Services.GetRequiredService<NatMetrics>();
        _ = app.Services.GetRequiredService<PeerIdService>();
        _ = app.Services.GetRequiredService<DiscoveryMetrics>();
        _ = app.Services.GetRequiredService<LedMetrics>();
        return app;
    }

    private static SystemdWatchdog? SystemdWatchdogFromEnvironment(ILogger logger)
    {
        var watchdog = SystemdWatchdog.FromEnvironment(Environment.GetEnvironmentVariable, Environment.ProcessId, out var invalid);
        if (invalid is not null)
        {
            HostLog.WatchdogValueInvalid(logger, invalid);
        }

        return watchdog;
    }

    private static void Listen(KestrelServerOptions kestrel, ListenerEndpoint endpoint, Action<ListenOptions> useHttps)
    {
        Action<ListenOptions> configure = endpoint.IsHttps ? useHttps : static _ => { };
        switch (endpoint.Host)
        {
            case ListenerHost.AnyAddress:
                kestrel.ListenAnyIP(endpoint.Port, configure);
                break;
            case ListenerHost.Localhost:
                kestrel.ListenLocalhost(endpoint.Port, configure);
                break;
            default:
                kestrel.Listen(new IPEndPoint(endpoint.Address!, endpoint.Port), configure);
                break;
        }
    }
}

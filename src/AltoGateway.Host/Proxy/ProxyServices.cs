using System.Net;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Client;
using AltoGateway.Health;
using AltoGateway.Host.Alto;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Nat;
using AltoGateway.Nat.Resolution;
using AltoGateway.Proxy;
using AltoGateway.Proxy.Placement;
using AltoGateway.Proxy.Upstreams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Proxy;

/// <summary>Registers the third-party proxy: placement over the NAT map, the upstream chain and its watch.</summary>
internal static class ProxyServices
{
    public static void Add(IServiceCollection services, ProxyOptions options, PeerIdOptions peerIds, TimeProvider time)
    {
        services.AddSingleton(options);
        services.AddSingleton<ProxyMetrics>();
        if (!options.Enabled)
        {
            return;
        }

        services.AddSingleton(sp => new HttpClient(new SocketsHttpHandler
        {
            // Upstream addresses may move (DNS): connections are renewed now and then.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.Timeout,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each AltoClient has its own
        });
        services.AddSingleton(sp => BuildChain(sp, options, time));
        services.AddSingleton(sp =>
        {
            var metrics = sp.GetRequiredService<NatMetrics>();
            var placer = new EndpointPlacer(
                options.Mode,
                sp.GetRequiredService<SubscriberResolver>(),
                options.ParsedPublicAddresses(),
                peerIds.Enabled,
                (kind, outcome, count) => metrics.Lookup(LookupKind(kind), outcome, count));
            return new ThirdPartyProxy(placer, sp.GetRequiredService<UpstreamChain>());
        });
    }

    private static UpstreamChain BuildChain(IServiceProvider services, ProxyOptions options, TimeProvider time)
    {
        var logger = services.GetRequiredService<ILogger<ThirdPartyProxy>>();
        var watch = new ProxyUpstreamWatch(services.GetRequiredService<HealthRegistry>(), services.GetRequiredService<ProxyMetrics>(), logger, options.FallBackToBuiltIn);
        var http = services.GetRequiredService<HttpClient>();
        var upstreams = new List<GuardedUpstream>();
        foreach (var configured in options.Upstreams)
        {
            var client = new AltoClient(http, new AltoClientOptions { RequestTimeout = configured.Timeout ?? options.Timeout });
            var upstream = new ClientUpstream(new Uri(configured.Directory), client, options.DirectoryRefresh, time);
            var breaker = new CircuitBreaker(options.FailuresToOpen, options.BreakDuration, time);
            watch.Watch(upstream.Name, breaker, options.BreakDuration);
            upstreams.Add(new GuardedUpstream(upstream, breaker));
        }

        if (options.FallBackToBuiltIn)
        {
            upstreams.Add(new GuardedUpstream(new BuiltInUpstream(services.GetRequiredService<AltoServer>()), null));
        }

        watch.Report();
        ProxyLog.Started(logger, options.Mode.ToString(), string.Join(", ", upstreams.Select(u => u.Upstream.Name)));
        return new UpstreamChain(upstreams, options.Retries, options.RetryDelay, time, watch);
    }

    /// <summary>The "by" label of altogw_nat_lookups_total.</summary>
    private static string LookupKind(GatewayEndpointKind kind) => kind switch
    {
        GatewayEndpointKind.Address => "address",
        GatewayEndpointKind.AddressAndPort => "address-port",
        _ => "peer-id",
    };
}

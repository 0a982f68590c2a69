using System.Net;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Client;
using AltoGateway.Discovery.Resolution;
using AltoGateway.Health;
using AltoGateway.Host.Alto;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Http;
using AltoGateway.Host.Nat;
using AltoGateway.Nat.Resolution;
using AltoGateway.Proxy;
using AltoGateway.Proxy.Placement;
using AltoGateway.Proxy.Routing;
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
        services.AddSingleton(sp => new ProxyUpstreamWatch(sp.GetRequiredService<HealthRegistry>(), sp.GetRequiredService<ProxyMetrics>(),
            sp.GetRequiredService<ILogger<ThirdPartyProxy>>(), options.FallBackToBuiltIn));
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
            var chain = sp.GetRequiredService<UpstreamChain>();
            return new ThirdPartyProxy(placer, chain, options.Discovery.Enabled ? BuildRouter(sp, options, peerIds, chain, time) : null);
        });
    }

    /// <summary>
    /// The discovery router (Proxy:Discovery), or null when discovery cannot run (no DNS server): then the chain
    /// answers every source, and the component proxy-discovery says why.
    /// </summary>
    private static DiscoveryUpstreamRouter? BuildRouter(IServiceProvider services, ProxyOptions options, PeerIdOptions peerIds, UpstreamChain fallback, TimeProvider time)
    {
        var discovery = options.Discovery;
        var logger = services.GetRequiredService<ILogger<ThirdPartyProxy>>();
        var metrics = services.GetRequiredService<ProxyMetrics>();
        var watch = new ProxyDiscoveryWatch(services.GetRequiredService<HealthRegistry>(), metrics, logger);
        var (server, problem) = DiscoveryDnsServer.Find(discovery.DnsServer);
        if (server is null)
        {
            watch.Unavailable(problem);
            return null;
        }

        var resolver = new AltoDiscoveryResolver(
            new DnsSocketTransport(new DnsTransportOptions { Timeout = discovery.Timeout, TimeProvider = time }),
            new DiscoveryResolverOptions { Server = server, RetryRounds = 0, TimeProvider = time }); // a tracker is waiting: no retry rounds (RFC 8686 §3.5 "MAY")
        var service = discovery.Service.Length > 0 ? discovery.Service : null;
        DiscoveryRequest? accessDomain = null;
        if (discovery.AccessDomain.Length > 0 && DiscoveryRequest.TryAccessDomain(discovery.AccessDomain, service, out var request, out _))
        {
            accessDomain = request;
        }

        var http = services.GetRequiredService<HttpClient>();
        var table = new DiscoveredUpstreamTable(discovery.MaxUpstreams, uri =>
        {
            var upstream = new ClientUpstream(uri, new AltoClient(http, new AltoClientOptions { RequestTimeout = options.Timeout }), options.DirectoryRefresh, time);
            var breaker = new CircuitBreaker(options.FailuresToOpen, options.BreakDuration, time);
            breaker.StateChanged += (_, after) => ProxyLog.DiscoveredCircuit(logger, upstream.Name, after.ToString());
            return new GuardedUpstream(upstream, breaker);
        }, evicted => ProxyLog.DiscoveredUpstreamEvicted(logger, evicted.Upstream.Name, discovery.MaxUpstreams));
        var resolverOfNat = services.GetRequiredService<SubscriberResolver>();
        var publicAddresses = options.ParsedPublicAddresses();
        var scopes = new SourceScopes(options.Mode, a => publicAddresses.Contains(a) || resolverOfNat.IsPublicAddressOfThisNat(a), resolverOfNat.PublicAddressOf);
        var settings = new DiscoveryRouterSettings(scopes, accessDomain, discovery.ReverseLookups, service, SelfUris(services, peerIds), options.BreakDuration);
        var fallbackNames = fallback.Upstreams.Select(u => u.Upstream.Name).ToHashSet(StringComparer.Ordinal);
        var observer = new DiscoveredRouteObserver(services.GetRequiredService<ProxyUpstreamWatch>(), metrics, logger, fallbackNames);
        ProxyLog.DiscoveryStarted(logger, accessDomain is null ? "not looked up (no Proxy:Discovery:AccessDomain)" : $"by RFC 7286 for {accessDomain.Subject}",
            discovery.ReverseLookups ? "by RFC 8686" : "not looked up", server.ToString(), discovery.MaxUpstreams);
        return new DiscoveryUpstreamRouter(settings, resolver, table, fallback, observer, watch, time);
    }

    /// <summary>The agent's own proxy directory, as peers are told it and on every WAN listener.</summary>
    private static HashSet<string> SelfUris(IServiceProvider services, PeerIdOptions peerIds)
    {
        var self = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (services.GetService<ListenerMap>() is { } listeners)
        {
            if (PeerIdEndpoints.DirectoryUri(peerIds, listeners) is { } told)
            {
                self.Add(new Uri(told).ToString());
            }

            foreach (var wan in listeners.Wan)
            {
                if (Uri.TryCreate(wan.Url.TrimEnd('/') + ProxyDirectory.DirectoryPath, UriKind.Absolute, out var uri))
                {
                    self.Add(uri.ToString());
                }
            }
        }

        return self;
    }

    private static UpstreamChain BuildChain(IServiceProvider services, ProxyOptions options, TimeProvider time)
    {
        var logger = services.GetRequiredService<ILogger<ThirdPartyProxy>>();
        var watch = services.GetRequiredService<ProxyUpstreamWatch>();
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

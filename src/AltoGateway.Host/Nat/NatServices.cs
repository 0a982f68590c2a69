using AltoGateway.Host.Configuration;
using AltoGateway.Nat.Map;
using AltoGateway.Nat.PortBlocks;
using AltoGateway.Nat.Resolution;
using Microsoft.Extensions.DependencyInjection;

namespace AltoGateway.Host.Nat;

/// <summary>Registers the NAT map, its feeds and its upkeep.</summary>
internal static class NatServices
{
    public static void Add(IServiceCollection services, NatOptions options, PeerIdOptions peerIds, StateOptions state, TimeProvider time)
    {
        services.AddSingleton(options);
        services.AddSingleton(peerIds);
        services.AddSingleton(state);
        services.AddSingleton<PeerIdService>();
        services.AddSingleton(new NatMap(NatMapOptions.ForBudget(options.MemoryBudgetBytes), time));
        services.AddSingleton<NatMetrics>();
        services.AddSingleton(sp => new SubscriberResolver(
            sp.GetRequiredService<NatMap>(),
            sp.GetServices<DeterministicNatPlan>().ToList(),
            sp.GetRequiredService<PeerIdService>().Issuer));
        services.AddHostedService<NatMapMaintenance>();
        services.AddHostedService<StaticMappingFeed>();
        services.AddSingleton(new ConntrackFeedOptions
        {
            Enabled = options.Conntrack.Enabled,
            ReceiveBufferBytes = options.Conntrack.ReceiveBufferBytes,
            NetworkNamespace = options.Conntrack.NetworkNamespace,
        });
        services.AddSingleton<ConntrackFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ConntrackFeed>());
        if (options.PortBlocks.Count > 0)
        {
            foreach (var planOptions in options.PortBlocks)
            {
                // Checked before start: every plan is valid.
                if (planOptions.TryCreatePlan([]) is { } plan)
                {
                    services.AddSingleton(plan);
                }
            }

            services.AddHostedService<PortBlockFeed>();
        }
    }
}

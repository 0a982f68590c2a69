using AltoGateway.Alto.Addressing;
using AltoGateway.Discovery.Responder;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Http;
using AltoGateway.Host.Nat;

namespace AltoGateway.Host.Discovery;

/// <summary>
/// Turns the <c>Discovery</c> section into the responder's zones, filling in what it leaves empty from the
/// rest of the configuration: the LAN directory (the built-in server's IRD on the first LAN listener), the WAN
/// directory (the one peers are told for trackers: <c>PeerIds:AltoDirectoryUri</c> or the proxy's IRD on the
/// first WAN listener) and the public pool (port-block outside pools, static mappings' external addresses and
/// <c>Proxy:PublicAddresses</c>). Every problem is named by the key to change.
/// </summary>
internal static class DiscoveryZoneSettings
{
    /// <summary>The path of the built-in ALTO server's IRD (<see cref="Alto.AltoEndpoints"/> maps it on every listener).</summary>
    public const string BuiltInDirectoryPath = "/directory";

    /// <summary>The zones, or null with the problems added to <paramref name="problems"/>.</summary>
    public static ResponderZoneSet? TryBuild(
        DiscoveryOptions options, ListenerMap listeners, NatOptions nat, ProxyOptions proxy, PeerIdOptions peerIds, List<ConfigurationProblem> problems)
    {
        var section = DiscoveryOptions.SectionName;
        var before = problems.Count;
        var accessDomains = options.ParsedAccessDomains();
        var accessUris = options.AccessDirectoryUris.ToList();
        if (accessUris.Count == 0 && accessDomains.Count > 0)
        {
            if (LanDirectoryUri(listeners) is { } lan)
            {
                accessUris.Add(lan);
            }
            else
            {
                problems.Add(new ConfigurationProblem($"{section}:AccessDirectoryUris",
                    "has no default: the first LAN listener binds every address (*), so name the directory URI LAN peers should use"));
            }
        }

        var prefixes = options.ParsedReversePrefixes();
        var prefixesDefaulted = options.ReversePrefixes.Count == 0;
        if (prefixesDefaulted)
        {
            prefixes = PublicPool(nat, proxy);
        }

        var reverseUris = options.ReverseDirectoryUris.ToList();
        if (reverseUris.Count == 0 && prefixes.Count > 0)
        {
            var wan = PeerIdEndpoints.DirectoryUri(peerIds, listeners);
            if (wan is not null && !wan.Contains("://*:", StringComparison.Ordinal))
            {
                reverseUris.Add(wan);
            }
            else
            {
                problems.Add(new ConfigurationProblem($"{section}:ReverseDirectoryUris",
                    "has no default: there is no WAN listener with an address, so name the directory URI trackers should use"));
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        var settings = new ResponderSettings
        {
            AccessDomains = accessDomains,
            AccessDirectoryUris = accessUris,
            ReversePrefixes = prefixes,
            ReverseDirectoryUris = reverseUris,
            Ipv4ReverseLevel = options.Ipv4ReverseLevel,
            Ipv6ReverseLevel = options.Ipv6ReverseLevel,
            NameServer = options.NameServer,
            Hostmaster = options.Hostmaster,
            RecordTtl = (uint)options.RecordTtl.TotalSeconds,
            NegativeTtl = (uint)options.NegativeTtl.TotalSeconds,
            UdpPayloadSize = (ushort)options.UdpPayloadSize,
        };
        if (ResponderZoneSet.TryBuild(settings, out var zones, out var found))
        {
            return zones;
        }

        foreach (var problem in found)
        {
            var defaulted = prefixesDefaulted && problem.Setting.StartsWith(nameof(ResponderSettings.ReversePrefixes), StringComparison.Ordinal);
            problems.Add(defaulted
                ? new ConfigurationProblem($"{section}:{nameof(ResponderSettings.ReversePrefixes)}", $"(the NAT's public addresses, taken as default) {problem.Message}")
                : new ConfigurationProblem(problem.Setting.Length == 0 ? section : $"{section}:{problem.Setting}", problem.Message));
        }

        return null;
    }

    /// <summary>The built-in server's IRD on the first LAN listener, or null when it binds every address.</summary>
    public static string? LanDirectoryUri(ListenerMap listeners) =>
        listeners.Lan.Count > 0 && listeners.Lan[0].Host != ListenerHost.AnyAddress
            ? listeners.Lan[0].Url.TrimEnd('/') + BuiltInDirectoryPath
            : null;

    /// <summary>The NAT's public addresses, without any that another one contains.</summary>
    public static IReadOnlyList<AddressPrefix> PublicPool(NatOptions nat, ProxyOptions proxy)
    {
        var texts = nat.PortBlocks.SelectMany(plan => plan.OutsidePool)
            .Concat(nat.Static.Select(entry => StaticMappingOptions.TryParseEndpoint(entry.External, out var endpoint) ? endpoint!.Address.ToString() : null))
            .Concat(proxy.PublicAddresses);
        var pool = new List<AddressPrefix>();
        foreach (var text in texts)
        {
            if (DiscoveryOptions.TryParsePrefix(text, out var prefix) && !pool.Contains(prefix))
            {
                pool.Add(prefix);
            }
        }

        return [.. pool.Where(p => !pool.Any(other => other != p && other.Length < p.Length && other.Contains(new TypedEndpointAddress(p.Type, p.Network))))];
    }
}

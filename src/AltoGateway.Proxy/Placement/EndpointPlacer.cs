using System.Net;
using System.Net.Sockets;
using AltoGateway.Alto.Addressing;
using AltoGateway.Nat;
using AltoGateway.Nat.Resolution;

namespace AltoGateway.Proxy.Placement;

/// <summary>
/// Places the endpoints a tracker names (DESIGN.md, "ALTO proxy"): a peer ID or a public
/// address:port is resolved through the NAT map to the subscriber; then the mode decides what the
/// upstream is asked. CGN mode: the subscriber's internal address. Home mode: the gateway's public
/// address, with peers behind it marked as inside the LAN. Addresses that are not this NAT's go
/// upstream as they are. Nothing here names an internal address to the tracker.
/// </summary>
public sealed class EndpointPlacer
{
    private const string SharedAddress =
        "the public address is shared by several subscribers, so the peer was ranked by it; name the peer by address and port or by peer ID for a precise answer";

    private readonly ProxyMode _mode;
    private readonly SubscriberResolver _resolver;
    private readonly IReadOnlyList<IPAddress> _publicAddresses;
    private readonly bool _issuesPeerIds;
    private readonly Action<GatewayEndpointKind, ResolutionOutcome, int>? _resolved;

    /// <param name="mode">CGN or home.</param>
    /// <param name="resolver">The NAT map's subscriber resolver.</param>
    /// <param name="publicAddresses">Home mode: the gateway's public addresses (may be empty: the NAT map's are used).</param>
    /// <param name="issuesPeerIds">Whether this agent issues peer IDs at all.</param>
    /// <param name="resolved">
    /// Told how many resolutions of each kind came to each outcome (for counters): once per kind and
    /// outcome of a <see cref="PlaceAll"/>, so a request of a hundred names costs the counters a few calls, not a hundred.
    /// </param>
    public EndpointPlacer(ProxyMode mode, SubscriberResolver resolver, IReadOnlyList<IPAddress> publicAddresses, bool issuesPeerIds,
        Action<GatewayEndpointKind, ResolutionOutcome, int>? resolved = null)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(publicAddresses);
        _mode = mode;
        _resolver = resolver;
        _publicAddresses = publicAddresses;
        _issuesPeerIds = issuesPeerIds;
        _resolved = resolved;
    }

    /// <summary>Places one endpoint.</summary>
    public EndpointPlacement Place(GatewayEndpointName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tally = new ResolutionTally();
        var placement = Place(name, ref tally);
        tally.Report(_resolved);
        return placement;
    }

    /// <summary>Places every endpoint of a request, in order.</summary>
    public List<EndpointPlacement> PlaceAll(IReadOnlyList<GatewayEndpointName> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var placements = new List<EndpointPlacement>(names.Count);
        var tally = new ResolutionTally();
        for (var i = 0; i < names.Count; i++)
        {
            placements.Add(Place(names[i] ?? throw new ArgumentException("a name is null", nameof(names)), ref tally));
        }

        tally.Report(_resolved);
        return placements;
    }

    private EndpointPlacement Place(GatewayEndpointName name, ref ResolutionTally tally) => name.Kind switch
    {
        GatewayEndpointKind.Address => PlaceAddress(name, ref tally),
        GatewayEndpointKind.AddressAndPort => PlaceAddressAndPort(name, ref tally),
        _ => PlacePeerId(name, ref tally),
    };

    private EndpointPlacement PlaceAddress(GatewayEndpointName name, ref ResolutionTally tally)
    {
        var address = name.Address.ToIPAddress();
        if (_mode == ProxyMode.Home)
        {
            return EndpointPlacement.Placed(name, name.Address, IsThisGateway(address));
        }

        var resolution = _resolver.ByAddress(address);
        tally.Count(name.Kind, resolution.Outcome);
        return resolution.Outcome switch
        {
            ResolutionOutcome.Found => EndpointPlacement.Placed(name, Typed(resolution.Subscriber!), insideLan: false),
            ResolutionOutcome.Ambiguous => EndpointPlacement.Placed(name, name.Address, insideLan: false, SharedAddress),
            _ => EndpointPlacement.Placed(name, name.Address, insideLan: false), // not behind this NAT: an address like any other
        };
    }

    private EndpointPlacement PlaceAddressAndPort(GatewayEndpointName name, ref ResolutionTally tally)
    {
        if (_mode == ProxyMode.Home)
        {
            // Behind a home gateway there is one LAN: its public address alone says the peer is inside.
            return EndpointPlacement.Placed(name, name.Address, IsThisGateway(name.Address.ToIPAddress()));
        }

        // The common case in CGN mode, a port-block address, without an IPAddress either way.
        if (name.Address.Type == EndpointAddressType.Ipv4
            && _resolver.TryFindInPortBlocks((uint)name.Address.Value, name.Port, out var bits, out var ipv4))
        {
            tally.Count(name.Kind, ResolutionOutcome.Found);
            return EndpointPlacement.Placed(name, new TypedEndpointAddress(ipv4 ? EndpointAddressType.Ipv4 : EndpointAddressType.Ipv6, bits), insideLan: false);
        }

        var address = name.Address.ToIPAddress();
        var resolution = _resolver.ByAddressAndPort(address, name.Port, Protocol(name.Transport));
        tally.Count(name.Kind, resolution.Outcome);
        return resolution.Outcome switch
        {
            ResolutionOutcome.Found => EndpointPlacement.Placed(name, Typed(resolution.Subscriber!), insideLan: false),
            ResolutionOutcome.Ambiguous => EndpointPlacement.Placed(name, name.Address, insideLan: false, SharedAddress),
            _ when _resolver.IsPublicAddressOfThisNat(address) => EndpointPlacement.Not(name, UnresolvedReason.NoMapping),
            _ => EndpointPlacement.Placed(name, name.Address, insideLan: false), // another network's peer: its port tells the upstream nothing
        };
    }

    private EndpointPlacement PlacePeerId(GatewayEndpointName name, ref ResolutionTally tally)
    {
        if (!_issuesPeerIds)
        {
            return EndpointPlacement.Not(name, UnresolvedReason.PeerIdsOff);
        }

        var resolution = _resolver.ByPeerId(name.PeerId!);
        tally.Count(name.Kind, resolution.Outcome);
        switch (resolution.Outcome)
        {
            case ResolutionOutcome.Expired:
                return EndpointPlacement.Not(name, UnresolvedReason.PeerIdExpired);
            case ResolutionOutcome.Malformed:
                return EndpointPlacement.Not(name, UnresolvedReason.PeerIdForeign);
            case not ResolutionOutcome.Found:
                return EndpointPlacement.Not(name, UnresolvedReason.PeerIdUnknown);
        }

        var subscriber = resolution.Subscriber!;
        if (_mode == ProxyMode.Cgn)
        {
            return EndpointPlacement.Placed(name, Typed(subscriber), insideLan: false);
        }

        var publicAddress = PreferredPublicAddress() ?? _resolver.PublicAddressOf(subscriber);
        return publicAddress is null
            ? EndpointPlacement.Not(name, UnresolvedReason.NoPublicAddress)
            : EndpointPlacement.Placed(name, Typed(publicAddress), insideLan: true);
    }

    private bool IsThisGateway(IPAddress address) =>
        _publicAddresses.Contains(address) || _resolver.IsPublicAddressOfThisNat(address);

    /// <summary>The configured public IPv4 address first (what most trackers and upstreams know), else the first one.</summary>
    private IPAddress? PreferredPublicAddress() =>
        _publicAddresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? (_publicAddresses.Count > 0 ? _publicAddresses[0] : null);

    private static TypedEndpointAddress Typed(IPAddress address) =>
        TypedEndpointAddress.FromIPAddress(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static NatProtocol? Protocol(GatewayTransport transport) => transport switch
    {
        GatewayTransport.Tcp => NatProtocol.Tcp,
        GatewayTransport.Udp => NatProtocol.Udp,
        GatewayTransport.Sctp => NatProtocol.Sctp,
        _ => null,
    };
}

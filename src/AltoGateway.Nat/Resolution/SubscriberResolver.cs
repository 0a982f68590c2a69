using System.Net;
using AltoGateway.Nat.Map;
using AltoGateway.Nat.PeerIds;
using AltoGateway.Nat.PortBlocks;

namespace AltoGateway.Nat.Resolution;

/// <summary>
/// Names the subscriber behind what a tracker knows of a peer: its public address, its public
/// address and port, or a peer ID issued by this agent (approaches #3/#4 of third-party discovery).
/// RFC 7422 port blocks answer first (deterministic, nothing stored); their dynamic pool and every
/// other address fall back to the NAT map.
/// </summary>
public sealed class SubscriberResolver
{
    private static readonly NatProtocol[] AllProtocols = [NatProtocol.Tcp, NatProtocol.Udp, NatProtocol.Sctp];
    private readonly NatMap _map;
    private readonly DeterministicNatPlan[] _plans; // an array: loops over it allocate no enumerator (one lookup per endpoint of a request)
    private readonly PeerIdIssuer? _peerIds;

    public SubscriberResolver(NatMap map, IReadOnlyList<DeterministicNatPlan> plans, PeerIdIssuer? peerIds)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(plans);
        _map = map;
        _plans = [.. plans];
        _peerIds = peerIds;
    }

    /// <summary>A public address alone: found only when exactly one subscriber uses it.</summary>
    public SubscriberResolution ByAddress(IPAddress external)
    {
        ArgumentNullException.ThrowIfNull(external);
        foreach (var plan in _plans)
        {
            if (plan.IsOutsideAddress(external) && plan.CompressionRatio > 1)
            {
                return SubscriberResolution.Not(ResolutionOutcome.Ambiguous,
                    $"{external} is shared by up to {plan.CompressionRatio} subscribers (RFC 7422 port blocks); give a port or a peer ID");
            }
        }

        var behind = _map.FindSubscribersBehind(external);
        return behind.Count switch
        {
            0 => SubscriberResolution.Not(ResolutionOutcome.Unknown, $"no subscriber uses {external} now"),
            1 => SubscriberResolution.OnlyOneUsing(behind.OnlySubscriber!, external),
            _ => SubscriberResolution.Not(ResolutionOutcome.Ambiguous, $"{behind.Count} subscribers use {external}; give a port or a peer ID"),
        };
    }

    /// <summary>A public address and port, for one protocol or (null) whichever has a mapping.</summary>
    public SubscriberResolution ByAddressAndPort(IPAddress external, ushort port, NatProtocol? protocol)
    {
        ArgumentNullException.ThrowIfNull(external);
        foreach (var plan in _plans)
        {
            var owner = plan.MapOutside(external, port);
            switch (owner.Kind)
            {
                case OutsidePortOwnerKind.Subscriber:
                    return SubscriberResolution.InPortBlock(owner.Subscriber!, external, port);
                case OutsidePortOwnerKind.Reserved:
                    return SubscriberResolution.Not(ResolutionOutcome.Unknown, $"{Endpoint(external, port)} is a reserved port of the RFC 7422 plan");
            }

            // DynamicPool, UnassignedBlock (blocks beyond the inside range act as dynamic ports)
            // and NotInPool: the NAT map knows, if anyone does.
        }

        var found = default(IPAddress);
        foreach (var candidate in protocol is { } p ? [p] : AllProtocols)
        {
            if (_map.TryFindByExternal(candidate, external, port, out var entry))
            {
                if (found is not null && !found.Equals(entry.Mapping.InternalAddress))
                {
                    return SubscriberResolution.Not(ResolutionOutcome.Ambiguous, $"{Endpoint(external, port)} is mapped to different subscribers for different protocols; give the protocol");
                }

                found = entry.Mapping.InternalAddress;
            }
        }

        return found is null
            ? SubscriberResolution.Not(ResolutionOutcome.Unknown, $"no mapping for {Endpoint(external, port)}{(protocol is { } q ? $" ({q.ToString().ToLowerInvariant()})" : string.Empty)}")
            : SubscriberResolution.ByMapping(found, external, port);
    }

    /// <summary>
    /// The RFC 7422 part of <see cref="ByAddressAndPort"/> for an IPv4 public address given as a number (host
    /// order), allocating nothing: true when a plan's port block names the subscriber (IPv4 in the low 32 bits of
    /// <paramref name="subscriber"/>). False when no plan decides, or a plan reserves the port: then
    /// <see cref="ByAddressAndPort"/> gives the whole answer.
    /// </summary>
    public bool TryFindInPortBlocks(uint external, ushort port, out UInt128 subscriber, out bool subscriberIsIPv4)
    {
        foreach (var plan in _plans)
        {
            switch (plan.MapOutside(external, port, out subscriber, out subscriberIsIPv4))
            {
                case OutsidePortOwnerKind.Subscriber:
                    return true;
                case OutsidePortOwnerKind.Reserved:
                    return false;
            }
        }

        subscriber = default;
        subscriberIsIPv4 = false;
        return false;
    }

    /// <summary>A peer ID: ours, still valid, and naming a subscriber who is still here.</summary>
    public SubscriberResolution ByPeerId(string peerId)
    {
        ArgumentNullException.ThrowIfNull(peerId);
        if (_peerIds is null)
        {
            return SubscriberResolution.Not(ResolutionOutcome.Unknown, "this agent issues no peer IDs");
        }

        var resolution = _peerIds.Resolve(peerId);
        switch (resolution.Kind)
        {
            case PeerIdResolutionKind.Malformed:
                return SubscriberResolution.Not(ResolutionOutcome.Malformed, "not a peer ID of this agent's format");
            case PeerIdResolutionKind.Expired:
                return SubscriberResolution.Not(ResolutionOutcome.Expired, "the peer ID has expired; the peer must fetch a new one");
            case PeerIdResolutionKind.Unknown:
                return SubscriberResolution.Not(ResolutionOutcome.Unknown, "no subscriber has this peer ID");
        }

        var subscriber = resolution.Subscriber!;
        return IsPresent(subscriber)
            ? SubscriberResolution.Found(subscriber, ResolutionSource.PeerId, "peer ID issued by this agent")
            : SubscriberResolution.Not(ResolutionOutcome.Unknown, "the subscriber with this peer ID has left (no mappings now)");
    }

    /// <summary>
    /// Whether <paramref name="external"/> is a public address of this NAT now: an outside address
    /// of an RFC 7422 plan, or the public side of at least one mapping. A tracker's endpoint at such an
    /// address is behind this NAT even when no mapping names its port.
    /// </summary>
    public bool IsPublicAddressOfThisNat(IPAddress external)
    {
        ArgumentNullException.ThrowIfNull(external);
        return _plans.Any(plan => plan.IsOutsideAddress(external)) || _map.FindSubscribersBehind(external).Count > 0;
    }

    /// <summary>A public address of <paramref name="subscriber"/>: its RFC 7422 block's, else one of its mappings'; null when it has none.</summary>
    public IPAddress? PublicAddressOf(IPAddress subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        foreach (var plan in _plans)
        {
            if (plan.TryMapInside(subscriber, out var block))
            {
                return block.ExternalAddress;
            }
        }

        return _map.MappingsOf(subscriber, 1) is [var first] ? first.Mapping.ExternalAddress : null;
    }

    private static string Endpoint(IPAddress address, ushort port) => SubscriberResolution.Endpoint(address, port);

    /// <summary>Still behind this NAT: it has mappings, or a port block is reserved for it.</summary>
    private bool IsPresent(IPAddress subscriber) =>
        _map.HasSubscriber(subscriber) || _plans.Any(plan => plan.TryMapInside(subscriber, out _));
}

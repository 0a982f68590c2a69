using System.Net;
using AltoGateway.Alto.Addressing;
using AltoGateway.Proxy.Placement;

namespace AltoGateway.Proxy.Routing;

/// <summary>
/// Tells the subscribers of this NAT from other networks' peers, from a placement (<see cref="EndpointPlacer"/>):
/// a peer ID, a peer placed inside the LAN (home mode), a shared public address of this NAT, a subscriber the NAT map
/// resolved (CGN mode: asked by its internal address), a public address of this NAT, and any private address
/// (RFC 8686 §5.1.3: RFC 1918, CGN 100.64.0.0/10, ULA, link-local, loopback are not looked up in reverse DNS) are
/// <see cref="SourceScope.OwnNetwork"/>; everything else is <see cref="SourceScope.Foreign"/>.
/// </summary>
public sealed class SourceScopes
{
    private static readonly IPNetwork[] PrivateNetworks =
    [
        IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"), // RFC 1918
        IPNetwork.Parse("100.64.0.0/10"), // RFC 6598, the CGN shared space
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("::/128"),
    ];

    private readonly ProxyMode _mode;
    private readonly Func<IPAddress, bool> _isThisNat;
    private readonly Func<IPAddress, IPAddress?> _publicAddressOf;

    /// <param name="mode">What the configured upstream knows (decides what a placement's address is).</param>
    /// <param name="isThisNat">Whether an address is a public address of this NAT (the NAT map's or configured).</param>
    /// <param name="publicAddressOf">CGN mode: a subscriber's public address, for servers of other networks; null when unknown.</param>
    public SourceScopes(ProxyMode mode, Func<IPAddress, bool> isThisNat, Func<IPAddress, IPAddress?>? publicAddressOf = null)
    {
        ArgumentNullException.ThrowIfNull(isThisNat);
        _mode = mode;
        _isThisNat = isThisNat;
        _publicAddressOf = publicAddressOf ?? (static _ => null);
    }

    /// <summary>Where the placed endpoint belongs (an unplaced one counts as this network's: it is asked nowhere).</summary>
    public SourceScope Classify(EndpointPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (!placement.IsPlaced || placement.InsideLan || placement.Name.Kind == GatewayEndpointKind.PeerId || placement.Approximation is not null
            || (_mode == ProxyMode.Cgn && placement.AskAs != placement.Name.Address))
        {
            return SourceScope.OwnNetwork;
        }

        var address = placement.AskAs.ToIPAddress();
        return _isThisNat(address) || IsPrivate(address) ? SourceScope.OwnNetwork : SourceScope.Foreign;
    }

    /// <summary>
    /// How a server of another network is asked about the endpoint: in CGN mode a subscriber of this NAT by its public
    /// address (the name's, or the NAT map's for a peer ID); otherwise as the configured upstream is asked.
    /// </summary>
    public TypedEndpointAddress AskForeignServerAs(EndpointPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (_mode != ProxyMode.Cgn || !placement.IsPlaced || Classify(placement) != SourceScope.OwnNetwork)
        {
            return placement.AskAs;
        }

        if (placement.Name.Kind != GatewayEndpointKind.PeerId)
        {
            return placement.Name.Address;
        }

        return _publicAddressOf(placement.AskAs.ToIPAddress()) is { } outside ? TypedEndpointAddress.FromIPAddress(outside) : placement.AskAs;
    }

    /// <summary>Whether <paramref name="address"/> is private, shared (CGN) or local: never looked up in reverse DNS (RFC 8686 §5.1.3).</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in PrivateNetworks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}

using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy.Routing;

/// <summary>
/// The upstreams one source is asked through: <paramref name="Chain"/> (discovered servers first, then the configured
/// upstreams and the built-in server). Sources whose routes share a <paramref name="Key"/> are asked in one request.
/// <paramref name="KnowsOnlyPublicAddresses"/>: the servers belong to another network, so this NAT's subscribers are
/// named to them by their public address, never by an internal one.
/// </summary>
public sealed record UpstreamRoute(string Key, UpstreamChain Chain, bool KnowsOnlyPublicAddresses);

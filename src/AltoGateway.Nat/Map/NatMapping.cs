using System.Net;

namespace AltoGateway.Nat.Map;

/// <summary>
/// One NAT mapping: the subscriber's internal address and port, and the external (public) address
/// and port the NAT translates them to, for one protocol. Internal addresses may be IPv6 (DS-Lite
/// B4 addresses, NAT64 clients) while the external side is IPv4, or both IPv6 (NPTv6-style).
/// </summary>
public readonly record struct NatMapping(
    NatProtocol Protocol,
    IPAddress InternalAddress,
    ushort InternalPort,
    IPAddress ExternalAddress,
    ushort ExternalPort,
    NatMappingSource Source);

using System.Net;

namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// One direction of a tracked connection (linux/netfilter/nfnetlink_conntrack.h, the contents of
/// CTA_TUPLE_ORIG or CTA_TUPLE_REPLY): addresses, IANA protocol number, and ports (0 for protocols
/// without ports, such as ICMP).
/// </summary>
public readonly record struct ConntrackTuple(IPAddress Source, ushort SourcePort, IPAddress Destination, ushort DestinationPort, byte Protocol);

using System.Net;
using AltoGateway.Nat.Map;

namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// One ctnetlink conntrack message decoded: an event (new, update, destroy) or an entry of a dump.
/// Timeout, id, status and mark are null when the message did not carry them.
/// </summary>
public sealed record ConntrackEvent(
    ConntrackEventKind Kind,
    ConntrackAddressFamily Family,
    ConntrackTuple Original,
    ConntrackTuple Reply,
    TimeSpan? Timeout,
    uint? Id,
    uint? Status,
    uint? Mark)
{
    /// <summary>The IANA protocol number of the original direction.</summary>
    public byte Protocol => Original.Protocol;

    /// <summary>
    /// The NAT mapping of a source-NATed flow. For SNAT the original tuple is (internal source →
    /// remote) and the reply tuple is (remote → external address and port), so the external side is
    /// the reply's destination and the internal side the original's source.
    /// </summary>
    public ConntrackMappingOutcome TryGetSourceNatMapping(out NatMapping mapping)
    {
        mapping = default;
        if (Protocol is not ((byte)NatProtocol.Tcp or (byte)NatProtocol.Udp or (byte)NatProtocol.Sctp))
        {
            return ConntrackMappingOutcome.UnsupportedProtocol;
        }

        if (Original.Source.Equals(Reply.Destination) && Original.SourcePort == Reply.DestinationPort)
        {
            return ConntrackMappingOutcome.NotNatted;
        }

        mapping = new NatMapping(
            (NatProtocol)Protocol,
            Original.Source,
            Original.SourcePort,
            Reply.Destination,
            Reply.DestinationPort,
            NatMappingSource.Conntrack);
        return ConntrackMappingOutcome.SourceNat;
    }

    /// <summary>The external (public) address of the flow, as a NAT map key: the reply's destination.</summary>
    public IPAddress ExternalAddress => Reply.Destination;

    /// <summary>The external port of the flow: the reply's destination port.</summary>
    public ushort ExternalPort => Reply.DestinationPort;
}

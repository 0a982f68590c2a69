using System.Net;

namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// Decodes the value of a CTA_TUPLE_ORIG / CTA_TUPLE_REPLY attribute: CTA_TUPLE_IP (CTA_IP_V4_SRC/DST
/// or CTA_IP_V6_SRC/DST) and CTA_TUPLE_PROTO (CTA_PROTO_NUM, CTA_PROTO_SRC_PORT, CTA_PROTO_DST_PORT)
/// (linux/netfilter/nfnetlink_conntrack.h, <c>enum ctattr_tuple</c>, <c>ctattr_ip</c>,
/// <c>ctattr_l4proto</c>). Other attributes (CTA_TUPLE_ZONE, ICMP ids) are skipped by their length.
/// </summary>
internal static class ConntrackTupleDecoder
{
    public static bool TryDecode(ReadOnlySpan<byte> tuple, out ConntrackTuple result, out ConntrackParseError error)
    {
        result = default;
        ReadOnlySpan<byte> ip = default;
        ReadOnlySpan<byte> proto = default;
        bool hasIp = false, hasProto = false;
        var reader = new NetlinkAttributeReader(tuple);
        while (reader.TryRead(out var attribute, out error))
        {
            switch (attribute.Type)
            {
                case CtnetlinkAttributeTypes.TupleIp:
                    ip = attribute.Value;
                    hasIp = true;
                    break;
                case CtnetlinkAttributeTypes.TupleProto:
                    proto = attribute.Value;
                    hasProto = true;
                    break;
            }
        }

        if (error != ConntrackParseError.None)
        {
            return false;
        }

        if (!hasIp)
        {
            error = ConntrackParseError.MissingAddress;
            return false;
        }

        if (!hasProto)
        {
            error = ConntrackParseError.MissingProtocol;
            return false;
        }

        if (!TryDecodeAddresses(ip, out var source, out var destination, out error)
            || !TryDecodeProtocol(proto, out var protocol, out var sourcePort, out var destinationPort, out error))
        {
            return false;
        }

        result = new ConntrackTuple(source, sourcePort, destination, destinationPort, protocol);
        return true;
    }

    private static bool TryDecodeAddresses(ReadOnlySpan<byte> ip, out IPAddress source, out IPAddress destination, out ConntrackParseError error)
    {
        source = IPAddress.None;
        destination = IPAddress.None;
        IPAddress? src = null, dst = null;
        var reader = new NetlinkAttributeReader(ip);
        while (reader.TryRead(out var attribute, out error))
        {
            var expected = attribute.Type switch
            {
                CtnetlinkAttributeTypes.IPv4Source or CtnetlinkAttributeTypes.IPv4Destination => 4,
                CtnetlinkAttributeTypes.IPv6Source or CtnetlinkAttributeTypes.IPv6Destination => 16,
                _ => 0,
            };
            if (expected == 0)
            {
                continue;
            }

            if (attribute.Value.Length != expected)
            {
                error = ConntrackParseError.BadAttributeSize;
                return false;
            }

            var address = new IPAddress(attribute.Value);
            if (attribute.Type is CtnetlinkAttributeTypes.IPv4Source or CtnetlinkAttributeTypes.IPv6Source)
            {
                src = address;
            }
            else
            {
                dst = address;
            }
        }

        if (error != ConntrackParseError.None)
        {
            return false;
        }

        if (src is null || dst is null)
        {
            error = ConntrackParseError.MissingAddress;
            return false;
        }

        if (src.AddressFamily != dst.AddressFamily)
        {
            error = ConntrackParseError.AddressFamilyMismatch;
            return false;
        }

        source = src;
        destination = dst;
        return true;
    }

    private static bool TryDecodeProtocol(ReadOnlySpan<byte> proto, out byte protocol, out ushort sourcePort, out ushort destinationPort, out ConntrackParseError error)
    {
        protocol = 0;
        sourcePort = 0;
        destinationPort = 0;
        bool hasProtocol = false, hasSource = false, hasDestination = false;
        var reader = new NetlinkAttributeReader(proto);
        while (reader.TryRead(out var attribute, out error))
        {
            var ok = attribute.Type switch
            {
                CtnetlinkAttributeTypes.ProtoNumber => hasProtocol = attribute.TryReadByte(out protocol),
                CtnetlinkAttributeTypes.ProtoSourcePort => hasSource = attribute.TryReadUInt16BigEndian(out sourcePort),
                CtnetlinkAttributeTypes.ProtoDestinationPort => hasDestination = attribute.TryReadUInt16BigEndian(out destinationPort),
                _ => true,
            };
            if (!ok)
            {
                error = ConntrackParseError.BadAttributeSize;
                return false;
            }
        }

        if (error != ConntrackParseError.None)
        {
            return false;
        }

        if (!hasProtocol)
        {
            error = ConntrackParseError.MissingProtocol;
            return false;
        }

        // The protocols a NAT mapping can be for have ports; others (ICMP's id, GRE's key) need none.
        if (protocol is ((byte)NatProtocol.Tcp or (byte)NatProtocol.Udp or (byte)NatProtocol.Sctp) && !(hasSource && hasDestination))
        {
            error = ConntrackParseError.MissingPort;
            return false;
        }

        return true;
    }
}

namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// ctnetlink attribute types read by the decoder (linux/netfilter/nfnetlink_conntrack.h). Each
/// nesting level has its own numbering, so the same number means different things at each level.
/// </summary>
internal static class CtnetlinkAttributeTypes
{
    // enum ctattr_type: the top level of a conntrack message.

    /// <summary><c>CTA_TUPLE_ORIG</c> (nested).</summary>
    public const ushort TupleOriginal = 1;

    /// <summary><c>CTA_TUPLE_REPLY</c> (nested).</summary>
    public const ushort TupleReply = 2;

    /// <summary><c>CTA_STATUS</c>: <c>__be32</c>, <c>enum ip_conntrack_status</c> bits.</summary>
    public const ushort Status = 3;

    /// <summary><c>CTA_TIMEOUT</c>: <c>__be32</c> seconds until the entry expires.</summary>
    public const ushort Timeout = 7;

    /// <summary><c>CTA_MARK</c>: <c>__be32</c>.</summary>
    public const ushort Mark = 8;

    /// <summary><c>CTA_ID</c>: <c>__be32</c>, stable for the entry's life.</summary>
    public const ushort Id = 12;

    // enum ctattr_tuple: inside CTA_TUPLE_ORIG / CTA_TUPLE_REPLY.

    /// <summary><c>CTA_TUPLE_IP</c> (nested).</summary>
    public const ushort TupleIp = 1;

    /// <summary><c>CTA_TUPLE_PROTO</c> (nested).</summary>
    public const ushort TupleProto = 2;

    // enum ctattr_ip: inside CTA_TUPLE_IP.

    /// <summary><c>CTA_IP_V4_SRC</c>: 4 bytes.</summary>
    public const ushort IPv4Source = 1;

    /// <summary><c>CTA_IP_V4_DST</c>: 4 bytes.</summary>
    public const ushort IPv4Destination = 2;

    /// <summary><c>CTA_IP_V6_SRC</c>: 16 bytes.</summary>
    public const ushort IPv6Source = 3;

    /// <summary><c>CTA_IP_V6_DST</c>: 16 bytes.</summary>
    public const ushort IPv6Destination = 4;

    // enum ctattr_l4proto: inside CTA_TUPLE_PROTO.

    /// <summary><c>CTA_PROTO_NUM</c>: <c>__u8</c> IANA protocol number.</summary>
    public const ushort ProtoNumber = 1;

    /// <summary><c>CTA_PROTO_SRC_PORT</c>: <c>__be16</c>.</summary>
    public const ushort ProtoSourcePort = 2;

    /// <summary><c>CTA_PROTO_DST_PORT</c>: <c>__be16</c>.</summary>
    public const ushort ProtoDestinationPort = 3;
}

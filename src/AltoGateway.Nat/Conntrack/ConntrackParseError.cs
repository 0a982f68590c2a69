namespace AltoGateway.Nat.Conntrack;

/// <summary>Why bytes from the kernel could not be read as netlink / ctnetlink data.</summary>
public enum ConntrackParseError
{
    None = 0,

    /// <summary>Fewer bytes than a fixed-size part needs (a message header, nfgenmsg, an nlattr header, nlmsgerr).</summary>
    Truncated,

    /// <summary><c>nlmsg_len</c> is smaller than the header or larger than what is left of the datagram.</summary>
    BadLength,

    /// <summary><c>nla_len</c> is smaller than the attribute header or larger than its parent.</summary>
    BadAttributeLength,

    /// <summary>A fixed-size attribute (address, port, protocol, status, timeout, id) has another size.</summary>
    BadAttributeSize,

    /// <summary>CTA_TUPLE_ORIG or CTA_TUPLE_REPLY is missing.</summary>
    MissingTuple,

    /// <summary>A tuple lacks CTA_TUPLE_IP, or one of its source and destination addresses.</summary>
    MissingAddress,

    /// <summary>A tuple lacks CTA_TUPLE_PROTO or CTA_PROTO_NUM.</summary>
    MissingProtocol,

    /// <summary>A TCP, UDP or SCTP tuple lacks CTA_PROTO_SRC_PORT or CTA_PROTO_DST_PORT.</summary>
    MissingPort,

    /// <summary>A tuple mixes IPv4 and IPv6, or its addresses do not match the nfgenmsg family.</summary>
    AddressFamilyMismatch,

    /// <summary>The message is not a ctnetlink conntrack NEW or DELETE message (caller passed another type).</summary>
    UnexpectedMessageType,
}

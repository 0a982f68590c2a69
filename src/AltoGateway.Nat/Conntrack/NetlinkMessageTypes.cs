namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// The control message types of every netlink family (linux/netlink.h, <c>nlmsghdr.nlmsg_type</c>
/// below <c>NLMSG_MIN_TYPE</c>); families number their own messages from 0x10 up.
/// </summary>
public static class NetlinkMessageTypes
{
    /// <summary><c>NLMSG_NOOP</c>: nothing, to be skipped.</summary>
    public const ushort Noop = 0x1;

    /// <summary><c>NLMSG_ERROR</c>: a <c>struct nlmsgerr</c>; error 0 is an acknowledgement.</summary>
    public const ushort Error = 0x2;

    /// <summary><c>NLMSG_DONE</c>: the end of a multipart (dump) reply.</summary>
    public const ushort Done = 0x3;

    /// <summary><c>NLMSG_OVERRUN</c>: data lost.</summary>
    public const ushort Overrun = 0x4;

    /// <summary><c>NLMSG_MIN_TYPE</c>: types below it are reserved control messages.</summary>
    public const ushort MinimumFamilyType = 0x10;
}

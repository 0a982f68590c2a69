namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// ctnetlink message types. An nfnetlink <c>nlmsg_type</c> is the subsystem in the high byte and the
/// operation in the low byte (linux/netfilter/nfnetlink.h, <c>NFNL_SUBSYS_ID</c>, <c>NFNL_MSG_TYPE</c>).
/// </summary>
public static class CtnetlinkMessageTypes
{
    /// <summary><c>NFNL_SUBSYS_CTNETLINK</c> (linux/netfilter/nfnetlink.h).</summary>
    public const byte Subsystem = 1;

    /// <summary><c>IPCTNL_MSG_CT_NEW</c> (linux/netfilter/nfnetlink_conntrack.h, <c>enum cntl_msg_types</c>).</summary>
    public const byte ConntrackNew = 0;

    /// <summary><c>IPCTNL_MSG_CT_GET</c>.</summary>
    public const byte ConntrackGet = 1;

    /// <summary><c>IPCTNL_MSG_CT_DELETE</c>.</summary>
    public const byte ConntrackDelete = 2;

    /// <summary>The full <c>nlmsg_type</c> of a ctnetlink message: <c>(NFNL_SUBSYS_CTNETLINK &lt;&lt; 8) | msg</c>.</summary>
    public static ushort Compose(byte message) => (ushort)((Subsystem << 8) | message);

    /// <summary>True for the ctnetlink conntrack NEW and DELETE messages (events and dump entries).</summary>
    public static bool IsConntrackEntry(ushort type) => type == Compose(ConntrackNew) || type == Compose(ConntrackDelete);
}

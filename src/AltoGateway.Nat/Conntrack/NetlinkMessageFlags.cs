namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// <c>nlmsghdr.nlmsg_flags</c> bits (linux/netlink.h, <c>NLM_F_*</c>). The bits from 0x100 up mean
/// different things for GET requests and NEW requests, so these are constants, not a flags enum.
/// </summary>
public static class NetlinkMessageFlags
{
    /// <summary><c>NLM_F_REQUEST</c>: a request (to the kernel).</summary>
    public const ushort Request = 0x01;

    /// <summary><c>NLM_F_MULTI</c>: part of a multipart reply, terminated by <c>NLMSG_DONE</c>.</summary>
    public const ushort Multi = 0x02;

    /// <summary><c>NLM_F_ACK</c>: reply with an acknowledgement.</summary>
    public const ushort Ack = 0x04;

    /// <summary><c>NLM_F_DUMP_INTR</c>: the dump was inconsistent because the table changed.</summary>
    public const ushort DumpInterrupted = 0x10;

    /// <summary><c>NLM_F_ROOT</c> (GET requests): return the whole table.</summary>
    public const ushort Root = 0x100;

    /// <summary><c>NLM_F_MATCH</c> (GET requests): return all matching entries.</summary>
    public const ushort Match = 0x200;

    /// <summary><c>NLM_F_DUMP</c> = <c>NLM_F_ROOT | NLM_F_MATCH</c>.</summary>
    public const ushort Dump = Root | Match;

    /// <summary><c>NLM_F_EXCL</c> (NEW messages): do not touch it if it exists.</summary>
    public const ushort Exclusive = 0x200;

    /// <summary><c>NLM_F_CREATE</c> (NEW messages): create it if it does not exist.</summary>
    public const ushort Create = 0x400;
}

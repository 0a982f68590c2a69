namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// Encodes the request for a dump of the conntrack table: <c>IPCTNL_MSG_CT_GET</c> with
/// <c>NLM_F_REQUEST | NLM_F_DUMP</c> and an nfgenmsg naming the family (<c>AF_UNSPEC</c>: all).
/// The kernel answers with <c>NLM_F_MULTI</c> conntrack NEW messages carrying the same sequence
/// number, then <c>NLMSG_DONE</c> (or <c>NLMSG_ERROR</c>).
/// </summary>
public static class ConntrackDumpRequest
{
    /// <summary>nlmsghdr + nfgenmsg, no attributes.</summary>
    public const int Size = NetlinkMessageHeader.Size + NfGenMessage.Size;

    /// <summary>Writes the request; false (nothing written) when the destination is shorter than <see cref="Size"/>.</summary>
    public static bool TryWrite(Span<byte> destination, uint sequence, ConntrackAddressFamily family, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < Size)
        {
            return false;
        }

        // Port id 0: the message is for the kernel.
        var header = new NetlinkMessageHeader(
            Size,
            CtnetlinkMessageTypes.Compose(CtnetlinkMessageTypes.ConntrackGet),
            NetlinkMessageFlags.Request | NetlinkMessageFlags.Dump,
            sequence,
            0);
        header.TryWrite(destination);
        new NfGenMessage(family, NfGenMessage.Version0, 0).TryWrite(destination[NetlinkMessageHeader.Size..]);
        bytesWritten = Size;
        return true;
    }
}

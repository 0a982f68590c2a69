using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;

namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// Decodes a ctnetlink conntrack message (<c>IPCTNL_MSG_CT_NEW</c> / <c>IPCTNL_MSG_CT_DELETE</c>:
/// nfgenmsg, then <c>enum ctattr_type</c> attributes, linux/netfilter/nfnetlink_conntrack.h) into a
/// <see cref="ConntrackEvent"/>. Attributes it does not need are skipped by their length.
/// </summary>
public static class ConntrackEventDecoder
{
    public static bool TryDecode(in NetlinkMessage message, [NotNullWhen(true)] out ConntrackEvent? conntrackEvent, out ConntrackParseError error)
    {
        conntrackEvent = null;
        var header = message.Header;
        if (!CtnetlinkMessageTypes.IsConntrackEntry(header.Type))
        {
            error = ConntrackParseError.UnexpectedMessageType;
            return false;
        }

        if (!NfGenMessage.TryRead(message.Payload, out var nfgen))
        {
            error = ConntrackParseError.Truncated;
            return false;
        }

        ReadOnlySpan<byte> original = default, reply = default;
        bool hasOriginal = false, hasReply = false;
        uint? status = null, timeout = null, id = null, mark = null;
        var reader = new NetlinkAttributeReader(message.Payload[NfGenMessage.Size..]);
        while (reader.TryRead(out var attribute, out error))
        {
            var ok = true;
            switch (attribute.Type)
            {
                case CtnetlinkAttributeTypes.TupleOriginal:
                    original = attribute.Value;
                    hasOriginal = true;
                    break;
                case CtnetlinkAttributeTypes.TupleReply:
                    reply = attribute.Value;
                    hasReply = true;
                    break;
                case CtnetlinkAttributeTypes.Status:
                    ok = TryReadUInt32(attribute, ref status);
                    break;
                case CtnetlinkAttributeTypes.Timeout:
                    ok = TryReadUInt32(attribute, ref timeout);
                    break;
                case CtnetlinkAttributeTypes.Id:
                    ok = TryReadUInt32(attribute, ref id);
                    break;
                case CtnetlinkAttributeTypes.Mark:
                    ok = TryReadUInt32(attribute, ref mark);
                    break;
            }

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

        if (!hasOriginal || !hasReply)
        {
            error = ConntrackParseError.MissingTuple;
            return false;
        }

        if (!ConntrackTupleDecoder.TryDecode(original, out var originalTuple, out error)
            || !ConntrackTupleDecoder.TryDecode(reply, out var replyTuple, out error))
        {
            return false;
        }

        if (!FamilyMatches(nfgen.Family, originalTuple) || !FamilyMatches(nfgen.Family, replyTuple))
        {
            error = ConntrackParseError.AddressFamilyMismatch;
            return false;
        }

        conntrackEvent = new ConntrackEvent(
            KindOf(header),
            nfgen.Family,
            originalTuple,
            replyTuple,
            timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            id,
            status,
            mark);
        return true;
    }

    private static ConntrackEventKind KindOf(NetlinkMessageHeader header)
    {
        if (header.Type == CtnetlinkMessageTypes.Compose(CtnetlinkMessageTypes.ConntrackDelete))
        {
            return ConntrackEventKind.Destroy;
        }

        // ctnetlink_conntrack_event (net/netfilter/nf_conntrack_netlink.c) flags IPCT_NEW events
        // with NLM_F_CREATE|NLM_F_EXCL; other events and dump entries carry neither.
        const ushort created = NetlinkMessageFlags.Create | NetlinkMessageFlags.Exclusive;
        return (header.Flags & created) == created ? ConntrackEventKind.New : ConntrackEventKind.Update;
    }

    private static bool TryReadUInt32(NetlinkAttr attribute, ref uint? value)
    {
        if (!attribute.TryReadUInt32BigEndian(out var read))
        {
            return false;
        }

        value = read;
        return true;
    }

    private static bool FamilyMatches(ConntrackAddressFamily family, ConntrackTuple tuple) => family switch
    {
        ConntrackAddressFamily.IPv4 => tuple.Source.AddressFamily == AddressFamily.InterNetwork,
        ConntrackAddressFamily.IPv6 => tuple.Source.AddressFamily == AddressFamily.InterNetworkV6,
        _ => true,
    };
}

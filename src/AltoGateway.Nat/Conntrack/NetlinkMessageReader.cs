namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// Reads the netlink messages of one received datagram in order (linux/netlink.h, <c>NLMSG_OK</c> and
/// <c>NLMSG_NEXT</c>). A message whose header is sound is returned whole even when its payload is
/// garbage, so the caller can reject that message and go on with the next one; a header that is
/// truncated or whose length does not fit leaves the rest of the datagram unreadable.
/// </summary>
public ref struct NetlinkMessageReader
{
    private readonly ReadOnlySpan<byte> _datagram;
    private int _offset;

    public NetlinkMessageReader(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
    }

    /// <summary>Bytes consumed by the messages read so far (padding included); never more than the datagram.</summary>
    public readonly int Consumed => _offset;

    /// <summary>Bytes not read yet.</summary>
    public readonly int Remaining => _datagram.Length - _offset;

    /// <summary>
    /// Reads the next message. True: a message, and the reader moved past it and its padding.
    /// False with <see cref="ConntrackParseError.None"/>: the datagram is done. False with an error:
    /// the rest of the datagram is malformed; the reader did not move.
    /// </summary>
    public bool TryRead(out NetlinkMessage message, out ConntrackParseError error)
    {
        message = default;
        var rest = _datagram[_offset..];
        if (rest.IsEmpty)
        {
            error = ConntrackParseError.None;
            return false;
        }

        if (!NetlinkMessageHeader.TryRead(rest, out var header))
        {
            error = ConntrackParseError.Truncated;
            return false;
        }

        if (header.Length < NetlinkMessageHeader.Size || header.Length > (uint)rest.Length)
        {
            error = ConntrackParseError.BadLength;
            return false;
        }

        var length = (int)header.Length;
        message = new NetlinkMessage(header, rest[NetlinkMessageHeader.Size..length]);

        // The last message of a datagram may come without its padding.
        _offset += Math.Min(NetlinkMessageHeader.Align(length), rest.Length);
        error = ConntrackParseError.None;
        return true;
    }
}

using System.Runtime.InteropServices;

namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// Reads a list of netlink attributes (the payload after a family header, or the value of a nested
/// attribute) in order (linux/netlink.h, <c>struct nlattr</c>, <c>NLA_ALIGN</c>). Each attribute
/// consumes exactly its declared length plus padding to 4 bytes; one that claims more than its
/// parent holds is an error, and the reader does not move on errors.
/// </summary>
public ref struct NetlinkAttributeReader
{
    /// <summary><c>NLA_HDRLEN</c>.</summary>
    public const int HeaderSize = 4;

    private readonly ReadOnlySpan<byte> _attributes;
    private int _offset;

    public NetlinkAttributeReader(ReadOnlySpan<byte> attributes)
    {
        _attributes = attributes;
    }

    /// <summary>Bytes consumed by the attributes read so far (padding included); never more than the list.</summary>
    public readonly int Consumed => _offset;

    /// <summary>
    /// Reads the next attribute. True: an attribute, and the reader moved past it. False with
    /// <see cref="ConntrackParseError.None"/>: the list is done. False with an error: malformed.
    /// </summary>
    public bool TryRead(out NetlinkAttr attribute, out ConntrackParseError error)
    {
        attribute = default;
        var rest = _attributes[_offset..];
        if (rest.IsEmpty)
        {
            error = ConntrackParseError.None;
            return false;
        }

        if (rest.Length < HeaderSize)
        {
            error = ConntrackParseError.Truncated;
            return false;
        }

        // nla_len and nla_type are __u16 in the host's byte order.
        var length = MemoryMarshal.Read<ushort>(rest);
        var type = MemoryMarshal.Read<ushort>(rest[2..]);
        if (length < HeaderSize || length > rest.Length)
        {
            error = ConntrackParseError.BadAttributeLength;
            return false;
        }

        attribute = new NetlinkAttr(type, rest[HeaderSize..length]);

        // The last attribute of a list may come without its padding.
        _offset += Math.Min(NetlinkMessageHeader.Align(length), rest.Length);
        error = ConntrackParseError.None;
        return true;
    }
}

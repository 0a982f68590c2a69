using System.Runtime.InteropServices;

namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// <c>struct nlmsghdr</c> (linux/netlink.h): 16 bytes in the host's byte order — length (header
/// included, padding excluded), type, flags, sequence number and sending port id.
/// </summary>
public readonly record struct NetlinkMessageHeader(uint Length, ushort Type, ushort Flags, uint Sequence, uint PortId)
{
    /// <summary><c>NLMSG_HDRLEN</c>: the header is 16 bytes, already 4-byte aligned.</summary>
    public const int Size = 16;

    /// <summary><c>NLMSG_ALIGNTO</c>: messages start on 4-byte boundaries.</summary>
    public const int Alignment = 4;

    /// <summary>Reads the 16 header bytes; false when fewer are available. Does not check the length field.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out NetlinkMessageHeader header)
    {
        if (source.Length < Size)
        {
            header = default;
            return false;
        }

        // Netlink speaks the host's byte order (nlmsghdr fields are plain __u32/__u16).
        header = new NetlinkMessageHeader(
            MemoryMarshal.Read<uint>(source),
            MemoryMarshal.Read<ushort>(source[4..]),
            MemoryMarshal.Read<ushort>(source[6..]),
            MemoryMarshal.Read<uint>(source[8..]),
            MemoryMarshal.Read<uint>(source[12..]));
        return true;
    }

    /// <summary>Writes the 16 header bytes; false when the destination is shorter.</summary>
    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            return false;
        }

        var length = Length;
        var type = Type;
        var flags = Flags;
        var sequence = Sequence;
        var portId = PortId;
        MemoryMarshal.Write(destination, in length);
        MemoryMarshal.Write(destination[4..], in type);
        MemoryMarshal.Write(destination[6..], in flags);
        MemoryMarshal.Write(destination[8..], in sequence);
        MemoryMarshal.Write(destination[12..], in portId);
        return true;
    }

    /// <summary><c>NLMSG_ALIGN</c>: rounds a length up to the next multiple of 4.</summary>
    public static int Align(int length) => (length + Alignment - 1) & ~(Alignment - 1);
}

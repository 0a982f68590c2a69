using System.Buffers.Binary;
using System.Net;
using AltoGateway.Nat.Conntrack;

namespace AltoGateway.Nat.Tests.Conntrack;

/// <summary>
/// Builds netlink / ctnetlink bytes the way the kernel lays them out (host byte order headers,
/// big-endian values, 4-byte padding), with hooks to break them for the malformed-input tests.
/// </summary>
internal static class CtnetlinkBuilder
{
    public const ushort NewType = (1 << 8) | 0;
    public const ushort DeleteType = (1 << 8) | 2;
    public const ushort CreateExclusive = 0x400 | 0x200;

    /// <summary>An attribute: nla_len, nla_type, value, zero padding to 4 bytes.</summary>
    public static byte[] Attr(ushort type, ReadOnlySpan<byte> value, int? declaredLength = null)
    {
        var length = 4 + value.Length;
        var bytes = new byte[(length + 3) & ~3];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)(declaredLength ?? length));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), type);
        value.CopyTo(bytes.AsSpan(4));
        return bytes;
    }

    public static byte[] Nested(ushort type, params byte[][] children) => Attr((ushort)(type | 0x8000), Concat(children));

    public static byte[] U8(ushort type, byte value) => Attr(type, [value]);

    public static byte[] Be16(ushort type, ushort value)
    {
        var v = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(v, value);
        return Attr(type, v);
    }

    public static byte[] Be32(ushort type, uint value)
    {
        var v = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(v, value);
        return Attr(type, v);
    }

    /// <summary>CTA_TUPLE_IP + CTA_TUPLE_PROTO for one direction (the value of CTA_TUPLE_ORIG/REPLY).</summary>
    public static byte[][] TupleContent(string source, ushort sourcePort, string destination, ushort destinationPort, byte protocol)
    {
        var src = IPAddress.Parse(source);
        var v6 = src.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        return
        [
            Nested(1, Attr(v6 ? (ushort)3 : (ushort)1, src.GetAddressBytes()), Attr(v6 ? (ushort)4 : (ushort)2, IPAddress.Parse(destination).GetAddressBytes())),
            Nested(2, U8(1, protocol), Be16(2, sourcePort), Be16(3, destinationPort)),
        ];
    }

    public static byte[] Tuple(ushort type, string source, ushort sourcePort, string destination, ushort destinationPort, byte protocol) =>
        Nested(type, TupleContent(source, sourcePort, destination, destinationPort, protocol));

    /// <summary>A whole message: nlmsghdr, nfgenmsg, attributes; nlmsg_len as given or the true length.</summary>
    public static byte[] Message(ushort type, ushort flags, byte family, byte[] attributes, uint sequence = 0, uint portId = 0, int? declaredLength = null)
    {
        var length = 16 + 4 + attributes.Length;
        var bytes = new byte[(length + 3) & ~3];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)(declaredLength ?? length));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), type);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), flags);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), portId);
        bytes[16] = family;
        attributes.CopyTo(bytes, 20);
        return bytes;
    }

    /// <summary>
    /// A conntrack message as the kernel sends it for a flow: original and reply tuples, status,
    /// timeout (unless null) and id.
    /// </summary>
    public static byte[] ConntrackMessage(
        ushort type,
        ushort flags,
        (string Src, ushort SrcPort, string Dst, ushort DstPort) original,
        (string Src, ushort SrcPort, string Dst, ushort DstPort) reply,
        byte protocol = 6,
        uint? timeout = 120,
        uint? id = 0x2422B764,
        uint sequence = 0)
    {
        var v6 = IPAddress.Parse(original.Src).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        var attributes = new List<byte[]>
        {
            Tuple(1, original.Src, original.SrcPort, original.Dst, original.DstPort, protocol),
            Tuple(2, reply.Src, reply.SrcPort, reply.Dst, reply.DstPort, protocol),
        };
        if (id is { } i)
        {
            attributes.Add(Be32(12, i));
        }

        attributes.Add(Be32(3, 0x198));
        if (timeout is { } t)
        {
            attributes.Add(Be32(7, t));
        }

        return Message(type, flags, v6 ? (byte)10 : (byte)2, Concat([.. attributes]), sequence);
    }

    public static byte[] Done(uint sequence)
    {
        var bytes = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 20);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), NetlinkMessageTypes.Done);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), 0x02);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), sequence);
        return bytes;
    }

    /// <summary>An NLMSG_ERROR answering a request of the given type and sequence with -errno.</summary>
    public static byte[] Error(int errno, ushort requestType, uint sequence)
    {
        var bytes = new byte[36];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 36);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), NetlinkMessageTypes.Error);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), sequence);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), -errno);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(20), 20);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(24), requestType);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(28), sequence);
        return bytes;
    }

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}

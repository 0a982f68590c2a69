using System.Buffers.Binary;

namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// One netlink attribute (linux/netlink.h, <c>struct nlattr</c>, whose name it takes: CA1711 keeps
/// type names from ending in "Attribute"): its type without the <c>NLA_F_NESTED</c> and
/// <c>NLA_F_NET_BYTEORDER</c> bits, those bits, and its value (padding excluded).
/// </summary>
public readonly ref struct NetlinkAttr
{
    /// <summary><c>NLA_F_NESTED</c>: the value is a list of attributes.</summary>
    public const ushort NestedFlag = 1 << 15;

    /// <summary><c>NLA_F_NET_BYTEORDER</c>: the value is in network byte order.</summary>
    public const ushort NetByteOrderFlag = 1 << 14;

    /// <summary><c>NLA_TYPE_MASK</c>.</summary>
    public const ushort TypeMask = unchecked((ushort)~(NestedFlag | NetByteOrderFlag));

    public NetlinkAttr(ushort rawType, ReadOnlySpan<byte> value)
    {
        RawType = rawType;
        Value = value;
    }

    /// <summary><c>nla_type</c> as sent, flags included.</summary>
    public ushort RawType { get; }

    /// <summary><c>nla_type & NLA_TYPE_MASK</c>.</summary>
    public ushort Type => (ushort)(RawType & TypeMask);

    public bool IsNested => (RawType & NestedFlag) != 0;

    public bool IsNetByteOrder => (RawType & NetByteOrderFlag) != 0;

    public ReadOnlySpan<byte> Value { get; }

    /// <summary>An 8-bit value; false unless the value is exactly 1 byte.</summary>
    public bool TryReadByte(out byte value)
    {
        value = Value.Length == 1 ? Value[0] : (byte)0;
        return Value.Length == 1;
    }

    /// <summary>A big-endian 16-bit value (ctnetlink ports are <c>__be16</c>); false unless exactly 2 bytes.</summary>
    public bool TryReadUInt16BigEndian(out ushort value)
    {
        value = Value.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(Value) : (ushort)0;
        return Value.Length == 2;
    }

    /// <summary>A big-endian 32-bit value (ctnetlink status, timeout, id, mark); false unless exactly 4 bytes.</summary>
    public bool TryReadUInt32BigEndian(out uint value)
    {
        value = Value.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(Value) : 0;
        return Value.Length == 4;
    }
}

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace AltoGateway.Nat.PortBlocks;

/// <summary>
/// Numbers the subscribers of the inside range I from 0, both ways, in O(1).
/// IPv4 (NAT444): one subscriber per address. For prefixes of /30 and shorter, the network (all-zero
/// host part) and broadcast (all-ones) addresses are no subscribers, so the first subscriber is
/// prefix + 1 — exactly the RFC 7422 §2.3 table, where 198.51.100.0/28 gives C = 14 subscribers,
/// .1 through .14. /31 and /32 have no such addresses (RFC 3021) and every address is a subscriber.
/// IPv6 (DS-Lite): one subscriber per subscriber prefix (a B4 address when it is a /128), all counted.
/// </summary>
internal sealed class InsideSubscriberSpace
{
    private readonly IPNetwork _prefix;
    private readonly UInt128 _base;
    private readonly int _shift;
    private readonly long _addressCount;
    private readonly bool _skipsNetworkAndBroadcast;

    private InsideSubscriberSpace(IPNetwork prefix, int subscriberPrefixLength)
    {
        _prefix = prefix;
        SubscriberPrefixLength = subscriberPrefixLength;
        var width = IsIPv4 ? 32 : 128;
        _base = ToBits(prefix.BaseAddress);
        _shift = width - subscriberPrefixLength;
        _addressCount = 1L << (subscriberPrefixLength - prefix.PrefixLength);
        _skipsNetworkAndBroadcast = IsIPv4 && prefix.PrefixLength <= 30;
        Count = _skipsNetworkAndBroadcast ? _addressCount - 2 : _addressCount;
    }

    /// <summary>The number of subscribers.</summary>
    public long Count { get; }

    /// <summary>The length of the prefix that identifies one subscriber (32 for IPv4).</summary>
    public int SubscriberPrefixLength { get; }

    /// <summary>Whether the subscribers are IPv4 addresses (else IPv6 prefixes).</summary>
    public bool IsIPv4 => _prefix.BaseAddress.AddressFamily == AddressFamily.InterNetwork;

    /// <summary>The effective subscriber prefix length, or -1 when it does not fit the inside prefix.</summary>
    public static int EffectiveSubscriberPrefixLength(IPNetwork inside, int? requested)
    {
        var isIPv4 = inside.BaseAddress.AddressFamily == AddressFamily.InterNetwork;
        var length = requested ?? (isIPv4 ? 32 : 128);
        if (isIPv4)
        {
            return length == 32 ? 32 : -1;
        }

        return length >= inside.PrefixLength && length <= 128 ? length : -1;
    }

    /// <summary>The address of subscriber <paramref name="index"/> as a number (IPv4 in the low 32 bits), without an <see cref="IPAddress"/>.</summary>
    public UInt128 BitsAt(long index) => _base + ((UInt128)(ulong)(_skipsNetworkAndBroadcast ? index + 1 : index) << _shift);

    /// <summary>How many bits number the subscribers (the caller keeps it at most 32).</summary>
    public static int IndexBits(IPNetwork inside, int subscriberPrefixLength) =>
        subscriberPrefixLength - inside.PrefixLength;

    public static InsideSubscriberSpace Create(IPNetwork inside, int subscriberPrefixLength) =>
        new(inside, subscriberPrefixLength);

    public bool TryGetIndex(IPAddress address, out long index, out InsideMappingError error)
    {
        index = -1;
        if (IsIPv4 && address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != _prefix.BaseAddress.AddressFamily)
        {
            error = InsideMappingError.WrongAddressFamily;
            return false;
        }

        if (!_prefix.Contains(address))
        {
            error = InsideMappingError.NotInInsidePrefix;
            return false;
        }

        var offset = (long)((ToBits(address) - _base) >> _shift);
        if (_skipsNetworkAndBroadcast)
        {
            if (offset == 0 || offset == _addressCount - 1)
            {
                error = InsideMappingError.NotASubscriberAddress;
                return false;
            }

            offset--;
        }

        index = offset;
        error = InsideMappingError.None;
        return true;
    }

    public IPAddress AddressAt(long index)
    {
        var bits = BitsAt(index);
        if (IsIPv4)
        {
            return new IPAddress(BinaryPrimitives.ReverseEndianness((uint)bits));
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, bits);
        return new IPAddress(bytes);
    }

    private static UInt128 ToBits(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}

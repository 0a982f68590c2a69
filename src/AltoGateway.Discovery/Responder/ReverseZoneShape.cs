using AltoGateway.Alto.Addressing;
using AltoGateway.Discovery.Naming;

namespace AltoGateway.Discovery.Responder;

/// <summary>
/// The names of one reverse zone: its apex is the in-addr.arpa (RFC 1035 §3.5) or nibble ip6.arpa
/// (RFC 3596 §2.5) name of the pool prefixes cut to a label boundary, and its NAPTR owners are the names at
/// the configured level (RFC 8686 §3.3: R32 … R8, R128, R64 … R32) that overlap a pool prefix. Names between
/// the apex and the level that overlap a prefix are empty non-terminals (RFC 8020: NODATA, not NXDOMAIN).
/// Nothing is enumerated, so a /16 at R32 or a /48 at R64 costs no memory.
/// </summary>
internal sealed class ReverseZoneShape
{
    private readonly EndpointAddressType _type;
    private readonly UInt128 _apexNetwork;
    private readonly int _apexBits;
    private readonly int _levelBits;
    private readonly int _labelBits;
    private readonly AddressPrefix[] _prefixes;

    private ReverseZoneShape(EndpointAddressType type, UInt128 apexNetwork, int apexBits, int levelBits, AddressPrefix[] prefixes)
    {
        _type = type;
        _apexNetwork = apexNetwork;
        _apexBits = apexBits;
        _levelBits = levelBits;
        _labelBits = type == EndpointAddressType.Ipv4 ? 8 : 4;
        _prefixes = prefixes;
        Apex = type == EndpointAddressType.Ipv4
            ? ReverseDnsName.OfIpv4((uint)apexNetwork, apexBits / 8)
            : ReverseDnsName.OfIpv6(apexNetwork, apexBits / 4);
    }

    /// <summary>The apex, absolute and lower case.</summary>
    public string Apex { get; }

    /// <summary>The pool prefixes this zone serves.</summary>
    public IReadOnlyList<AddressPrefix> Prefixes => _prefixes;

    /// <summary>The level of the NAPTR owners, in bits.</summary>
    public int LevelBits => _levelBits;

    /// <summary>Whether <paramref name="levelBits"/> is one of the RFC 8686 §3.3 names for the family.</summary>
    public static bool IsLevel(EndpointAddressType type, int levelBits) => type == EndpointAddressType.Ipv4
        ? levelBits is 8 or 16 or 24 or 32
        : levelBits is 32 or 40 or 48 or 56 or 64 or 128;

    /// <summary>
    /// The apex bits for <paramref name="prefix"/> published at <paramref name="levelBits"/>: the prefix cut to
    /// whole labels, or the level when that is shorter.
    /// </summary>
    public static int ApexBitsOf(AddressPrefix prefix, int levelBits)
    {
        var labelBits = prefix.Type == EndpointAddressType.Ipv4 ? 8 : 4;
        return Math.Min(prefix.Length / labelBits * labelBits, levelBits);
    }

    /// <summary>The zone for prefixes that share one apex (callers group them by <see cref="ApexBitsOf"/>).</summary>
    public static ReverseZoneShape For(IReadOnlyList<AddressPrefix> prefixes, int levelBits)
    {
        var first = prefixes[0];
        var apexBits = ApexBitsOf(first, levelBits);
        return new ReverseZoneShape(first.Type, first.Network & AddressPrefix.MaskOf(first.Type, apexBits), apexBits, levelBits, [.. prefixes]);
    }

    /// <summary>
    /// What the owner <paramref name="relative"/> (the lower-case wire labels before the apex, without the apex)
    /// is in this zone.
    /// </summary>
    public ResponderNode Classify(ReadOnlySpan<byte> relative)
    {
        var labels = 0;
        for (var i = 0; i < relative.Length; i += 1 + relative[i])
        {
            labels++;
        }

        var covered = _apexBits + (labels * _labelBits);
        if (covered > _levelBits)
        {
            return ResponderNode.Missing;
        }

        // The leftmost label is the least significant (RFC 1035 §3.5): the last one read lies next to the apex.
        var address = _apexNetwork;
        var index = labels;
        for (var i = 0; i < relative.Length; i += 1 + relative[i])
        {
            index--;
            if (!TryReadLabel(relative.Slice(i + 1, relative[i]), out var value))
            {
                return ResponderNode.Missing;
            }

            var shift = EndpointAddressTypeNames.BitsOf(_type) - _apexBits - ((index + 1) * _labelBits);
            address |= (UInt128)value << shift;
        }

        if (!Overlaps(address, covered))
        {
            return ResponderNode.Missing;
        }

        var node = ResponderNode.Exists;
        if (labels == 0)
        {
            node |= ResponderNode.Apex;
        }

        return covered == _levelBits ? node | ResponderNode.Naptr : node;
    }

    private bool Overlaps(UInt128 address, int covered)
    {
        foreach (var prefix in _prefixes)
        {
            var mask = AddressPrefix.MaskOf(_type, Math.Min(prefix.Length, covered));
            if ((address & mask) == (prefix.Network & mask))
            {
                return true;
            }
        }

        return false;
    }

    // IPv4: a decimal octet without leading zeros ("05" is another name than "5"); IPv6: one hex digit, lower case
    // (the caller lowered the name).
    private bool TryReadLabel(ReadOnlySpan<byte> label, out uint value)
    {
        value = 0;
        if (_type == EndpointAddressType.Ipv6)
        {
            if (label.Length != 1)
            {
                return false;
            }

            var c = label[0];
            value = c is >= (byte)'0' and <= (byte)'9' ? (uint)(c - '0') : c is >= (byte)'a' and <= (byte)'f' ? (uint)(c - 'a' + 10) : 16;
            return value < 16;
        }

        if (label.Length is 0 or > 3 || (label.Length > 1 && label[0] == (byte)'0'))
        {
            return false;
        }

        foreach (var c in label)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (uint)(c - '0');
        }

        return value <= 255;
    }
}

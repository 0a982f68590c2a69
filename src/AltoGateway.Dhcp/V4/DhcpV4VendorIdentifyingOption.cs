using System.Buffers.Binary;

namespace AltoGateway.Dhcp.V4;

/// <summary>
/// Option 125, Vendor-Identifying Vendor-Specific Information (RFC 3925 §4): for each enterprise, its 4-octet
/// enterprise number, a one-octet data-len, and that many octets of sub-options (code, length, data).
/// An option over 255 octets travels split (RFC 3396), which the reader and writer do.
/// </summary>
public static class DhcpV4VendorIdentifyingOption
{
    /// <summary>Option 125 carrying <paramref name="vendors"/> in order.</summary>
    public static DhcpV4Option Create(IReadOnlyList<DhcpV4VendorData> vendors)
    {
        ArgumentNullException.ThrowIfNull(vendors);
        var lengths = vendors.Select(v => DhcpV4SubOptionCodec.EncodedLength(v.SubOptions)).ToArray();
        if (lengths.Any(l => l > byte.MaxValue))
        {
            throw new ArgumentException("An enterprise's sub-options take at most 255 octets (RFC 3925 §4: data-len is one octet).", nameof(vendors));
        }

        var data = new byte[lengths.Sum(l => 5 + l)];
        var position = 0;
        for (var i = 0; i < vendors.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(position), vendors[i].EnterpriseNumber);
            data[position + 4] = (byte)lengths[i];
            position += 5 + DhcpV4SubOptionCodec.Write(vendors[i].SubOptions, data.AsSpan(position + 5));
        }

        return new DhcpV4Option(DhcpV4OptionCode.VendorIdentifyingVendorSpecific, data);
    }

    /// <summary>Reads option 125's data; the failure offset is within <paramref name="data"/>.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> data, out IReadOnlyList<DhcpV4VendorData> vendors, out DhcpV4ReadFailure failure)
    {
        var list = new List<DhcpV4VendorData>();
        vendors = list;
        var span = data.Span;
        var position = 0;
        while (position < span.Length)
        {
            if (span.Length - position < 5 || span.Length - position - 5 < span[position + 4])
            {
                failure = new DhcpV4ReadFailure(DhcpV4ReadError.VendorDataLengthPastEnd, position);
                return false;
            }

            var enterprise = BinaryPrimitives.ReadUInt32BigEndian(span[position..]);
            var length = span[position + 4];
            if (!DhcpV4SubOptionCodec.TryRead(data.Slice(position + 5, length), out var subOptions, out var subOffset))
            {
                failure = new DhcpV4ReadFailure(DhcpV4ReadError.SubOptionLengthPastEnd, position + 5 + subOffset);
                return false;
            }

            list.Add(new DhcpV4VendorData(enterprise, subOptions));
            position += 5 + length;
        }

        failure = default;
        return true;
    }
}

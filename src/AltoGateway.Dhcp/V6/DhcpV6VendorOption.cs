using System.Buffers.Binary;

namespace AltoGateway.Dhcp.V6;

/// <summary>
/// Vendor-specific Information, option 17 (RFC 8415 §21.17): a 4-octet enterprise number, then sub-options with
/// 2-octet code and length whose meaning that enterprise defines. One option per enterprise.
/// </summary>
/// <param name="EnterpriseNumber">The IANA Private Enterprise Number.</param>
/// <param name="SubOptions">The sub-options in order.</param>
public sealed record DhcpV6VendorOption(uint EnterpriseNumber, IReadOnlyList<DhcpV6SubOption> SubOptions)
{
    /// <summary>Reads option 17's data; the error offset is within <paramref name="data"/>.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> data, out DhcpV6VendorOption vendor, out DhcpV6ReadError error, out int errorOffset)
    {
        vendor = null!;
        errorOffset = 0;
        var span = data.Span;
        if (span.Length < 4)
        {
            error = DhcpV6ReadError.VendorOptionTooShort;
            return false;
        }

        var subOptions = new List<DhcpV6SubOption>();
        var position = 4;
        while (position < span.Length)
        {
            if (span.Length - position < 4 || span.Length - position - 4 < BinaryPrimitives.ReadUInt16BigEndian(span[(position + 2)..]))
            {
                error = DhcpV6ReadError.SubOptionLengthPastEnd;
                errorOffset = position;
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(span[(position + 2)..]);
            subOptions.Add(new DhcpV6SubOption(BinaryPrimitives.ReadUInt16BigEndian(span[position..]), data.Slice(position + 4, length)));
            position += 4 + length;
        }

        vendor = new DhcpV6VendorOption(BinaryPrimitives.ReadUInt32BigEndian(span), subOptions);
        error = DhcpV6ReadError.None;
        return true;
    }

    /// <summary>The data of sub-option <paramref name="code"/>, or null.</summary>
    public ReadOnlyMemory<byte>? Find(ushort code)
    {
        foreach (var subOption in SubOptions)
        {
            if (subOption.Code == code)
            {
                return subOption.Data;
            }
        }

        return null;
    }

    /// <summary>Option 17 carrying this enterprise's sub-options.</summary>
    public DhcpV6Option ToOption()
    {
        var data = new byte[4 + SubOptions.Sum(s => 4 + s.Data.Length)];
        BinaryPrimitives.WriteUInt32BigEndian(data, EnterpriseNumber);
        var position = 4;
        foreach (var subOption in SubOptions)
        {
            if (subOption.Data.Length > ushort.MaxValue)
            {
                throw new InvalidOperationException($"Sub-option {subOption.Code} is longer than its 16-bit length allows.");
            }

            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(position), subOption.Code);
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(position + 2), (ushort)subOption.Data.Length);
            subOption.Data.Span.CopyTo(data.AsSpan(position + 4));
            position += 4 + subOption.Data.Length;
        }

        return new DhcpV6Option(DhcpV6OptionCode.VendorOptions, data);
    }
}

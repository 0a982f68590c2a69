namespace AltoGateway.Dhcp.V4;

/// <summary>Reads and writes a run of one-octet code, one-octet length sub-options (RFC 3046 §2.0, RFC 3925 §4).</summary>
internal static class DhcpV4SubOptionCodec
{
    /// <summary>
    /// Reads every sub-option in <paramref name="data"/>; false with the offset (within <paramref name="data"/>) of the
    /// sub-option whose header or length runs past the end. There is no pad or end inside (RFC 3046 §2.0).
    /// </summary>
    public static bool TryRead(ReadOnlyMemory<byte> data, out IReadOnlyList<DhcpV4SubOption> subOptions, out int errorOffset)
    {
        var list = new List<DhcpV4SubOption>();
        subOptions = list;
        var span = data.Span;
        var position = 0;
        while (position < span.Length)
        {
            if (span.Length - position < 2 || span.Length - position - 2 < span[position + 1])
            {
                errorOffset = position;
                return false;
            }

            var length = span[position + 1];
            list.Add(new DhcpV4SubOption(span[position], data.Slice(position + 2, length)));
            position += 2 + length;
        }

        errorOffset = 0;
        return true;
    }

    public static int EncodedLength(IReadOnlyList<DhcpV4SubOption> subOptions)
    {
        var length = 0;
        foreach (var subOption in subOptions)
        {
            if (subOption.Data.Length > byte.MaxValue)
            {
                throw new ArgumentException($"Sub-option {subOption.Code} holds {subOption.Data.Length} octets; its length field has one octet.", nameof(subOptions));
            }

            length += 2 + subOption.Data.Length;
        }

        return length;
    }

    /// <summary>Writes the sub-options in order; <paramref name="destination"/> holds <see cref="EncodedLength"/> octets.</summary>
    public static int Write(IReadOnlyList<DhcpV4SubOption> subOptions, Span<byte> destination)
    {
        var position = 0;
        foreach (var subOption in subOptions)
        {
            destination[position] = subOption.Code;
            destination[position + 1] = (byte)subOption.Data.Length;
            subOption.Data.Span.CopyTo(destination[(position + 2)..]);
            position += 2 + subOption.Data.Length;
        }

        return position;
    }
}

namespace AltoGateway.Dhcp.V4;

/// <summary>One instance of an option on the wire: its code and where its data lies in the message.</summary>
internal readonly record struct DhcpV4OptionFragment(byte Code, int DataOffset, int Length)
{
    /// <summary>
    /// Joins every instance of a code, in wire order, into one option at the place of its first instance
    /// (RFC 3396 §7). <paramref name="firstOffsets"/> holds, per option, the offset of its first instance's code octet.
    /// Linear in the number of fragments.
    /// </summary>
    public static List<DhcpV4Option> Join(ReadOnlySpan<byte> packet, List<DhcpV4OptionFragment> fragments, out List<int> firstOffsets)
    {
        Span<int> totals = stackalloc int[256];
        totals.Clear();
        foreach (var fragment in fragments)
        {
            totals[fragment.Code] += fragment.Length;
        }

        // Which option (index into the list) each code has become; -1: not seen yet. On the stack: a message is read
        // for every datagram, and a table of 256 references would be most of what reading one allocates.
        Span<short> optionOf = stackalloc short[256];
        optionOf.Fill(-1);
        Span<int> written = stackalloc int[256];
        written.Clear();
        var options = new List<DhcpV4Option>(fragments.Count);
        var buffers = new List<byte[]>(fragments.Count);
        firstOffsets = new List<int>(fragments.Count);
        foreach (var fragment in fragments)
        {
            byte[] buffer;
            if (optionOf[fragment.Code] < 0)
            {
                optionOf[fragment.Code] = (short)options.Count;
                buffer = new byte[totals[fragment.Code]];
                buffers.Add(buffer);
                options.Add(new DhcpV4Option(fragment.Code, buffer));
                firstOffsets.Add(fragment.DataOffset - 2);
            }
            else
            {
                buffer = buffers[optionOf[fragment.Code]];
            }

            packet.Slice(fragment.DataOffset, fragment.Length).CopyTo(buffer.AsSpan(written[fragment.Code]));
            written[fragment.Code] += fragment.Length;
        }

        return options;
    }
}

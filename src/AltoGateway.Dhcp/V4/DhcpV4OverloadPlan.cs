namespace AltoGateway.Dhcp.V4;

/// <summary>
/// Where each option instance goes: the options field, then 'file', then 'sname' (RFC 2131 §4.1), in order, each
/// instance wholly inside one field. Option 52 says which of 'file' (1) and 'sname' (2) are used (RFC 2132 §9.3).
/// </summary>
internal sealed class DhcpV4OverloadPlan
{
    private const int OverloadOptionLength = 3;

    private readonly int optionsFieldEnd;
    private readonly int bootFileEnd;
    private readonly byte overload;

    private DhcpV4OverloadPlan(int optionsFieldEnd, int bootFileEnd, byte overload)
    {
        this.optionsFieldEnd = optionsFieldEnd;
        this.bootFileEnd = bootFileEnd;
        this.overload = overload;
    }

    /// <summary>Every instance in the options field.</summary>
    public static DhcpV4OverloadPlan None(int count) => new(count, count, 0);

    /// <summary>
    /// A plan using 'file' and then 'sname' when both are unused, or null when they are in use or the instances
    /// still do not fit. <paramref name="room"/> is what the options field can hold before its End.
    /// </summary>
    public static DhcpV4OverloadPlan? TryCreate(DhcpV4Message message, List<DhcpV4OptionInstance> instances, int room)
    {
        if (!IsUnused(message.ServerName) || !IsUnused(message.BootFile))
        {
            return null;
        }

        var next = 0;
        var optionsFieldEnd = Fill(instances, ref next, room - OverloadOptionLength);
        var bootFileEnd = Fill(instances, ref next, DhcpV4Message.BootFileFieldLength - 1);
        var serverNameEnd = Fill(instances, ref next, DhcpV4Message.ServerNameFieldLength - 1);
        if (serverNameEnd != instances.Count)
        {
            return null;
        }

        return new DhcpV4OverloadPlan(optionsFieldEnd, bootFileEnd, (byte)(bootFileEnd == instances.Count ? 1 : 3));
    }

    /// <summary>Writes the options into the fields; returns the length of the message up to its last End.</summary>
    public int Write(List<DhcpV4OptionInstance> instances, Span<byte> destination)
    {
        var position = DhcpV4Reader.OptionsOffset;
        if (overload == 0)
        {
            return DhcpV4OptionInstances.WriteField(instances, 0, instances.Count, destination, position);
        }

        destination[position++] = DhcpV4OptionCode.OptionOverload;
        destination[position++] = 1;
        destination[position++] = overload;
        var end = DhcpV4OptionInstances.WriteField(instances, 0, optionsFieldEnd, destination, position);

        // RFC 2131 §4.1: each overloaded field starts at its first octet, ends in End and is padded to its end.
        destination.Slice(DhcpV4Reader.BootFileOffset, DhcpV4Message.BootFileFieldLength).Clear();
        DhcpV4OptionInstances.WriteField(instances, optionsFieldEnd, bootFileEnd, destination, DhcpV4Reader.BootFileOffset);
        if ((overload & 2) != 0)
        {
            destination.Slice(DhcpV4Reader.ServerNameOffset, DhcpV4Message.ServerNameFieldLength).Clear();
            DhcpV4OptionInstances.WriteField(instances, bootFileEnd, instances.Count, destination, DhcpV4Reader.ServerNameOffset);
        }

        return end;
    }

    private static bool IsUnused(ReadOnlyMemory<byte> field) => !field.Span.ContainsAnyExcept((byte)0);

    // Takes instances from next on while they fit in capacity; returns the index after the last one taken.
    private static int Fill(List<DhcpV4OptionInstance> instances, ref int next, int capacity)
    {
        while (next < instances.Count && instances[next].WireLength <= capacity)
        {
            capacity -= instances[next].WireLength;
            next++;
        }

        return next;
    }
}

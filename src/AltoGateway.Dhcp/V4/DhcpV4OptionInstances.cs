namespace AltoGateway.Dhcp.V4;

/// <summary>An option as it goes on the wire: at most 255 octets of one option's data under its code.</summary>
internal readonly record struct DhcpV4OptionInstance(byte Code, ReadOnlyMemory<byte> Data)
{
    public int WireLength => 2 + Data.Length;
}

/// <summary>Splits options into wire instances (RFC 3396 §6).</summary>
internal static class DhcpV4OptionInstances
{
    public static List<DhcpV4OptionInstance> Split(IReadOnlyList<DhcpV4Option> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var instances = new List<DhcpV4OptionInstance>(options.Count);
        foreach (var option in options)
        {
            if (option.Code == DhcpV4OptionCode.OptionOverload)
            {
                throw new ArgumentException("Option 52 is the writer's to add (RFC 2131 §4.1); leave it out of the options.", nameof(options));
            }

            // RFC 3396 §6: an option longer than 255 octets becomes several instances, each but the last 255 long.
            var data = option.Data;
            do
            {
                var length = Math.Min(data.Length, byte.MaxValue);
                instances.Add(new DhcpV4OptionInstance(option.Code, data[..length]));
                data = data[length..];
            }
            while (!data.IsEmpty);
        }

        return instances;
    }

    public static int Length(List<DhcpV4OptionInstance> instances)
    {
        var length = 0;
        foreach (var instance in instances)
        {
            length += instance.WireLength;
        }

        return length;
    }

    /// <summary>Writes instances [<paramref name="from"/>, <paramref name="to"/>) then End; returns the offset after End.</summary>
    public static int WriteField(List<DhcpV4OptionInstance> instances, int from, int to, Span<byte> destination, int position)
    {
        for (var i = from; i < to; i++)
        {
            var instance = instances[i];
            destination[position] = instance.Code;
            destination[position + 1] = (byte)instance.Data.Length;
            instance.Data.Span.CopyTo(destination[(position + 2)..]);
            position += instance.WireLength;
        }

        destination[position] = DhcpV4OptionCode.End;
        return position + 1;
    }
}

namespace AltoGateway.Dhcp.V4;

/// <summary>What was wrong with a DHCPv4 message, and the offset of the field or option that was wrong.</summary>
/// <param name="Error">The reason.</param>
/// <param name="Offset">The offset in the message (or in the option's data, for the option accessors).</param>
public readonly record struct DhcpV4ReadFailure(DhcpV4ReadError Error, int Offset)
{
    /// <summary>For log lines: "OptionLengthPastEnd at offset 243".</summary>
    public override string ToString() => $"{Error} at offset {Offset}";
}

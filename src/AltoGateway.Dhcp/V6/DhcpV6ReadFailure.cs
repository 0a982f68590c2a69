namespace AltoGateway.Dhcp.V6;

/// <summary>What was wrong with a DHCPv6 message, and the offset (in the outermost message) where it was found.</summary>
/// <param name="Error">The reason.</param>
/// <param name="Offset">The offset of the header or option that was wrong.</param>
public readonly record struct DhcpV6ReadFailure(DhcpV6ReadError Error, int Offset)
{
    /// <summary>For log lines: "DuidTooShort at offset 4".</summary>
    public override string ToString() => $"{Error} at offset {Offset}";
}

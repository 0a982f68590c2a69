namespace AltoGateway.Dhcp.V6;

/// <summary>A sub-option of Vendor-specific Information: 2-octet code, 2-octet length, data (RFC 8415 §21.17).</summary>
public readonly record struct DhcpV6SubOption(ushort Code, ReadOnlyMemory<byte> Data)
{
    /// <summary>Code and data in hex, for logs.</summary>
    public override string ToString() => $"{Code}: {Convert.ToHexString(Data.Span)}";
}

namespace AltoGateway.Dhcp.V4;

/// <summary>
/// A code/length/data sub-option with one-octet code and length, as inside option 82 (RFC 3046 §2.0) and in the
/// per-enterprise data of option 125 (RFC 3925 §4).
/// </summary>
public readonly record struct DhcpV4SubOption(byte Code, ReadOnlyMemory<byte> Data)
{
    /// <summary>Code and data in hex, for logs.</summary>
    public override string ToString() => $"{Code}: {Convert.ToHexString(Data.Span)}";
}

namespace AltoGateway.Dhcp.V4;

/// <summary>One enterprise's part of option 125: its IANA enterprise number and its sub-options (RFC 3925 §4).</summary>
/// <param name="EnterpriseNumber">The IANA Private Enterprise Number.</param>
/// <param name="SubOptions">Sub-options with one-octet code and length, in order; at most 255 octets in all.</param>
public sealed record DhcpV4VendorData(uint EnterpriseNumber, IReadOnlyList<DhcpV4SubOption> SubOptions)
{
    /// <summary>The data of sub-option <paramref name="code"/>, or null.</summary>
    public ReadOnlyMemory<byte>? Find(byte code)
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
}

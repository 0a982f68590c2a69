namespace AltoGateway.Dhcp.ServerMode;

/// <summary>Option codes only the server writes (RFC 2132), beside <see cref="V4.DhcpV4OptionCode"/>.</summary>
public static class DhcpV4ServerOptionCode
{
    /// <summary>Message: the reason of a DHCPNAK, in NVT ASCII (§9.9).</summary>
    public const byte Message = 56;
}

namespace AltoGateway.Dhcp.V6;

/// <summary>DHCPv6 option codes this project reads or writes by name (RFC 8415 §21 unless noted).</summary>
public static class DhcpV6OptionCode
{
    /// <summary>OPTION_CLIENTID (§21.2).</summary>
    public const ushort ClientId = 1;

    /// <summary>OPTION_SERVERID (§21.3).</summary>
    public const ushort ServerId = 2;

    /// <summary>OPTION_ORO, the option request option (§21.7).</summary>
    public const ushort OptionRequest = 6;

    /// <summary>OPTION_ELAPSED_TIME, in hundredths of a second (§21.9).</summary>
    public const ushort ElapsedTime = 8;

    /// <summary>OPTION_RELAY_MSG (§21.10).</summary>
    public const ushort RelayMessage = 9;

    /// <summary>OPTION_STATUS_CODE (§21.13).</summary>
    public const ushort StatusCode = 13;

    /// <summary>OPTION_VENDOR_OPTS (§21.17).</summary>
    public const ushort VendorOptions = 17;

    /// <summary>OPTION_INTERFACE_ID (§21.18).</summary>
    public const ushort InterfaceId = 18;

    /// <summary>OPTION_DNS_SERVERS (RFC 3646 §3).</summary>
    public const ushort DnsServers = 23;

    /// <summary>OPTION_DOMAIN_LIST (RFC 3646 §4).</summary>
    public const ushort DomainList = 24;

    /// <summary>OPTION_INFORMATION_REFRESH_TIME (§21.23).</summary>
    public const ushort InformationRefreshTime = 32;

    /// <summary>OPTION_V6_ACCESS_DOMAIN (RFC 5986 §3.3).</summary>
    public const ushort AccessDomain = 57;

    /// <summary>OPTION_INF_MAX_RT (§21.25).</summary>
    public const ushort InformationMaximumRetransmissionTime = 83;
}

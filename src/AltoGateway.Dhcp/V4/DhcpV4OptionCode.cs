namespace AltoGateway.Dhcp.V4;

/// <summary>DHCPv4 option codes this project reads or writes by name (RFC 2132 unless noted).</summary>
public static class DhcpV4OptionCode
{
    /// <summary>Pad, one octet with no length (§3.1).</summary>
    public const byte Pad = 0;

    /// <summary>Subnet mask (§3.3).</summary>
    public const byte SubnetMask = 1;

    /// <summary>Routers (§3.5).</summary>
    public const byte Router = 3;

    /// <summary>Domain name servers (§3.8).</summary>
    public const byte DomainNameServer = 6;

    /// <summary>Host name (§3.14).</summary>
    public const byte HostName = 12;

    /// <summary>Domain name, plain ASCII rather than DNS wire format (§3.17); RFC 7286 §3.1.2's fallback to 213.</summary>
    public const byte DomainName = 15;

    /// <summary>Vendor-specific information (§8.4).</summary>
    public const byte VendorSpecific = 43;

    /// <summary>Requested IP address (§9.1).</summary>
    public const byte RequestedIpAddress = 50;

    /// <summary>IP address lease time (§9.2).</summary>
    public const byte LeaseTime = 51;

    /// <summary>Option overload: options continue in 'file' (1), 'sname' (2) or both (3) (§9.3).</summary>
    public const byte OptionOverload = 52;

    /// <summary>DHCP message type (§9.6).</summary>
    public const byte MessageType = 53;

    /// <summary>Server identifier (§9.7).</summary>
    public const byte ServerIdentifier = 54;

    /// <summary>Parameter request list (§9.8).</summary>
    public const byte ParameterRequestList = 55;

    /// <summary>Maximum DHCP message size (§9.10).</summary>
    public const byte MaximumMessageSize = 57;

    /// <summary>Renewal (T1) time (§9.11).</summary>
    public const byte RenewalTime = 58;

    /// <summary>Rebinding (T2) time (§9.12).</summary>
    public const byte RebindingTime = 59;

    /// <summary>Client identifier: a type octet and the identifier (§9.14).</summary>
    public const byte ClientIdentifier = 61;

    /// <summary>Relay agent information (RFC 3046 §2.0).</summary>
    public const byte RelayAgentInformation = 82;

    /// <summary>Vendor-Identifying Vendor-Specific Information (RFC 3925 §4).</summary>
    public const byte VendorIdentifyingVendorSpecific = 125;

    /// <summary>OPTION_V4_ACCESS_DOMAIN (RFC 5986 §3.2).</summary>
    public const byte AccessDomain = 213;

    /// <summary>The first site-specific code (RFC 3942 §4: 224–254 are for local use).</summary>
    public const byte FirstSiteSpecific = 224;

    /// <summary>The last site-specific code (RFC 3942 §4).</summary>
    public const byte LastSiteSpecific = 254;

    /// <summary>End, one octet with no length (§3.2).</summary>
    public const byte End = 255;
}

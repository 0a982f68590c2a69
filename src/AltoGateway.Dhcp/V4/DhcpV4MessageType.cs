namespace AltoGateway.Dhcp.V4;

/// <summary>The value of option 53 (RFC 2132 §9.6).</summary>
public enum DhcpV4MessageType : byte
{
    /// <summary>DHCPDISCOVER.</summary>
    Discover = 1,

    /// <summary>DHCPOFFER.</summary>
    Offer = 2,

    /// <summary>DHCPREQUEST.</summary>
    Request = 3,

    /// <summary>DHCPDECLINE.</summary>
    Decline = 4,

    /// <summary>DHCPACK.</summary>
    Ack = 5,

    /// <summary>DHCPNAK.</summary>
    Nak = 6,

    /// <summary>DHCPRELEASE.</summary>
    Release = 7,

    /// <summary>DHCPINFORM.</summary>
    Inform = 8,
}

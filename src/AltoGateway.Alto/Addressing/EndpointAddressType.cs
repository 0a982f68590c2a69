namespace AltoGateway.Alto.Addressing;

/// <summary>The address types registered by RFC 7285 §10.4.2 (and §14.4).</summary>
public enum EndpointAddressType
{
    /// <summary>"ipv4": RFC 3986 IPv4address text.</summary>
    Ipv4 = 4,

    /// <summary>"ipv6": RFC 5952 text.</summary>
    Ipv6 = 6,
}

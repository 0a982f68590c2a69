namespace AltoGateway.Host.Configuration;

/// <summary>Which side of the box an interface faces. Nothing is ever answered on a WAN interface.</summary>
internal enum DhcpInterfaceRole
{
    /// <summary>Subscribers: the agent answers them.</summary>
    Lan,

    /// <summary>The ISP's side: listened on (a relay's server replies come in here), never answered.</summary>
    Wan,
}

/// <summary>What the agent does with DHCPv4 on one interface.</summary>
internal enum DhcpV4Mode
{
    /// <summary>No DHCPv4 socket.</summary>
    Off,

    /// <summary>The DHCPv4 server with its own leases (pools, reservations, a crash-safe journal in the state directory).</summary>
    Server,

    /// <summary>A relay toward <c>Relay:Servers</c>, adding the ALTO options to their replies.</summary>
    Relay,

    /// <summary>Answer DHCPINFORM with the ALTO options only, beside another DHCP server (RFC 2131 §3.4).</summary>
    Inform,
}

/// <summary>What the agent does with DHCPv6 on one interface.</summary>
internal enum DhcpV6Mode
{
    /// <summary>No DHCPv6 socket.</summary>
    Off,

    /// <summary>Answer Information-request with the ALTO options (RFC 8415 §18.3.6).</summary>
    Stateless,
}

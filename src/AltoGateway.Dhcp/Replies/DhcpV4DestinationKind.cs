namespace AltoGateway.Dhcp.Replies;

/// <summary>Which rule of RFC 2131 §4.1 chose where a DHCPv4 reply goes.</summary>
public enum DhcpV4DestinationKind
{
    /// <summary>'giaddr' is set: to the relay agent's server port (67).</summary>
    Relay,

    /// <summary>'ciaddr' is set: unicast to the client's own address at port 68.</summary>
    ClientAddress,

    /// <summary>The client set the broadcast bit and has no address (or the reply is a DHCPNAK): to 255.255.255.255:68.</summary>
    Broadcast,

    /// <summary>
    /// RFC 2131 §4.1 would unicast to 'chaddr' and 'yiaddr', an address the client does not answer ARP for yet.
    /// That needs an ARP entry made by hand (SIOCSARP, CAP_NET_ADMIN); the agent broadcasts instead, which every
    /// client accepts (RFC 2131 §4.1: "the client MUST be prepared to receive broadcast replies").
    /// </summary>
    BroadcastInsteadOfHardwareUnicast,
}

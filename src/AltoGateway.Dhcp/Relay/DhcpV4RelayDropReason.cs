namespace AltoGateway.Dhcp.Relay;

/// <summary>Why the relay passes a message neither way (each is a drop reason in the metrics).</summary>
public enum DhcpV4RelayDropReason
{
    /// <summary>Relayed (not dropped).</summary>
    None,

    /// <summary>A BOOTREQUEST whose 'hops' exceeds 16 (RFC 1542 §4.1.1).</summary>
    TooManyHops,

    /// <summary>
    /// A BOOTREQUEST with 'giaddr' 0 that already carries option 82, on an interface not configured as trusted
    /// (RFC 3046 §2.1: the relay MUST discard it).
    /// </summary>
    UntrustedRelayAgentInformation,

    /// <summary>A BOOTREPLY whose source is not one of the configured servers.</summary>
    UnknownServer,

    /// <summary>A BOOTREPLY whose 'giaddr' is not an address of the relay's client interface.</summary>
    NotOurGatewayAddress,

    /// <summary>A message of the other direction: a BOOTREPLY where a request was expected, or the reverse.</summary>
    WrongDirection,
}

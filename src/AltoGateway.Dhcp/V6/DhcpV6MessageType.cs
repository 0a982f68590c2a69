namespace AltoGateway.Dhcp.V6;

/// <summary>DHCPv6 message types (RFC 8415 §7.3).</summary>
public enum DhcpV6MessageType : byte
{
    /// <summary>SOLICIT.</summary>
    Solicit = 1,

    /// <summary>ADVERTISE.</summary>
    Advertise = 2,

    /// <summary>REQUEST.</summary>
    Request = 3,

    /// <summary>CONFIRM.</summary>
    Confirm = 4,

    /// <summary>RENEW.</summary>
    Renew = 5,

    /// <summary>REBIND.</summary>
    Rebind = 6,

    /// <summary>REPLY.</summary>
    Reply = 7,

    /// <summary>RELEASE.</summary>
    Release = 8,

    /// <summary>DECLINE.</summary>
    Decline = 9,

    /// <summary>RECONFIGURE.</summary>
    Reconfigure = 10,

    /// <summary>INFORMATION-REQUEST: the stateless client asks for configuration only (RFC 8415 §18.2.6).</summary>
    InformationRequest = 11,

    /// <summary>RELAY-FORW (RFC 8415 §9).</summary>
    RelayForward = 12,

    /// <summary>RELAY-REPL (RFC 8415 §9).</summary>
    RelayReply = 13,
}

namespace AltoGateway.Dhcp.V4;

/// <summary>Why a DHCPv4 message could not be read: each value is bad data on the wire, never caller misuse.</summary>
public enum DhcpV4ReadError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>The message ends before the magic cookie is complete: shorter than 240 octets (RFC 2131 §2–3).</summary>
    TruncatedHeader,

    /// <summary>Octets 236–239 are not 99.130.83.99 (RFC 2131 §3, RFC 2132 §2): BOOTP without options, or not DHCP.</summary>
    BadMagicCookie,

    /// <summary>'hlen' is over 16, the size of 'chaddr' (RFC 2131 §2).</summary>
    HardwareAddressTooLong,

    /// <summary>An option's code is the last octet of its field, or its length runs past the field (RFC 2131 §4.1).</summary>
    OptionLengthPastEnd,

    /// <summary>Option 52 is not one octet of 1, 2 or 3, or it stands in 'file' or 'sname' (RFC 2132 §9.3, RFC 2131 §4.1).</summary>
    BadOverload,

    /// <summary>Option 53 is not exactly one octet (RFC 2132 §9.6).</summary>
    BadMessageType,

    /// <summary>Option 82 is shorter than its minimum of 2 octets, one sub-option header (RFC 3046 §2.0).</summary>
    RelayAgentInformationTooShort,

    /// <summary>A sub-option's header or length runs past the end of its option (RFC 3046 §2.0, RFC 3925 §4).</summary>
    SubOptionLengthPastEnd,

    /// <summary>An enterprise's data-len in option 125 runs past the option, or fewer than 5 octets remain (RFC 3925 §4).</summary>
    VendorDataLengthPastEnd,
}

namespace AltoGateway.Dhcp.V6;

/// <summary>Why a DHCPv6 message could not be read: each value is bad data on the wire, never caller misuse.</summary>
public enum DhcpV6ReadError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>Shorter than the 4-octet header, or than the 34-octet relay header (RFC 8415 §8, §9).</summary>
    TruncatedHeader,

    /// <summary>An option's 4-octet header or its option-len runs past the end of the message or enclosing option (§21.1).</summary>
    OptionLengthPastEnd,

    /// <summary>A Relay-Forw or Relay-Repl without its Relay Message option (§9.1–9.2).</summary>
    RelayMessageMissing,

    /// <summary>Relay messages nested deeper than any relay chain can (§7.6, HOP_COUNT_LIMIT).</summary>
    RelayNestingTooDeep,

    /// <summary>A DUID is shorter than its type allows (§11: 2-octet type and at least one octet; LLT, EN, LL, UUID need more).</summary>
    DuidTooShort,

    /// <summary>A DUID is longer than 130 octets, type included (§11.1).</summary>
    DuidTooLong,

    /// <summary>The option request option has an odd length (§21.7: a list of 2-octet codes).</summary>
    BadOptionRequest,

    /// <summary>Elapsed Time is not 2 octets (§21.9).</summary>
    BadElapsedTime,

    /// <summary>Status Code is shorter than its 2-octet code (§21.13).</summary>
    BadStatusCode,

    /// <summary>Vendor-specific Information is shorter than its enterprise number (§21.17).</summary>
    VendorOptionTooShort,

    /// <summary>A sub-option of Vendor-specific Information runs past the option (§21.17).</summary>
    SubOptionLengthPastEnd,

    /// <summary>A list of IPv6 addresses is empty or not a multiple of 16 octets (RFC 3646 §3).</summary>
    BadAddressList,

    /// <summary>Information Refresh Time is not 4 octets (§21.23).</summary>
    BadInformationRefreshTime,
}

namespace AltoGateway.Dhcp.Options;

/// <summary>Why a domain-name option's data is not a name in uncompressed RFC 1035 wire format.</summary>
public enum DnsWireNameError
{
    /// <summary>It is a valid name.</summary>
    None,

    /// <summary>The data ends before the root label (RFC 5986 §3.1: exactly one root label ends the name).</summary>
    MissingRootLabel,

    /// <summary>A length octet is over 63: a compression pointer or a reserved label type (RFC 1035 §4.1.4).</summary>
    BadLabel,

    /// <summary>The name takes more than 255 octets (RFC 1035 §2.3.4).</summary>
    NameTooLong,

    /// <summary>Octets follow the root label: the option holds more than the one name it may (RFC 5986 §3.1).</summary>
    TrailingBytes,

    /// <summary>The name is the root alone, or its labels hold characters an access domain cannot (AccessDomainName).</summary>
    NotAnAccessDomain,
}

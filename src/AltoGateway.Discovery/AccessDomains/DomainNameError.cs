namespace AltoGateway.Discovery.AccessDomains;

/// <summary>Why an access domain name is not a name the RFC 7286 U-NAPTR lookup can ask for.</summary>
public enum DomainNameError
{
    /// <summary>It is a valid name.</summary>
    None = 0,

    /// <summary>The text is null, empty or only the root ".": there is no domain to ask (RFC 7286 §3.1).</summary>
    Empty,

    /// <summary>Two dots in a row, or a leading dot: a label is empty.</summary>
    EmptyLabel,

    /// <summary>A label is longer than 63 octets (RFC 1035 §2.3.4).</summary>
    LabelTooLong,

    /// <summary>The name takes more than 255 octets in wire format (RFC 1035 §2.3.4).</summary>
    NameTooLong,

    /// <summary>A character outside printable ASCII, a space or a backslash (escapes and IDNs are not taken here).</summary>
    BadCharacter,
}

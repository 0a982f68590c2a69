namespace AltoGateway.Alto.Addressing;

/// <summary>Why a typed endpoint address or a prefix did not parse.</summary>
public enum EndpointAddressError
{
    /// <summary>It parsed.</summary>
    None = 0,

    /// <summary>The text is null or empty.</summary>
    Empty,

    /// <summary>There is no ':' separating the type from the address (§10.4.1).</summary>
    MissingType,

    /// <summary>The type is neither "ipv4" nor "ipv6" (§10.4.2).</summary>
    UnknownType,

    /// <summary>The address is not valid text for its type (§10.4.3).</summary>
    BadAddress,

    /// <summary>The prefix length is missing, malformed, or too long for the family (§10.4.4).</summary>
    BadPrefixLength,

    /// <summary>Bits beyond the prefix length are set (RFC 4632 §3.1 writes the network address).</summary>
    HostBitsSet,
}

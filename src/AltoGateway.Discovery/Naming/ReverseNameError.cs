namespace AltoGateway.Discovery.Naming;

/// <summary>Why no lookup names were computed for an address or prefix.</summary>
public enum ReverseNameError
{
    /// <summary>Names were computed.</summary>
    None = 0,

    /// <summary>RFC 8686 §3.2: IPv4 prefixes shorter than /8 and IPv6 prefixes shorter than /32 are not supported.</summary>
    UnsupportedPrefixLength,

    /// <summary>Caller misuse: the length is negative or longer than the address (32 or 128 bits).</summary>
    PrefixLengthOutOfRange,

    /// <summary>Caller misuse: the address family is neither IPv4 nor IPv6.</summary>
    UnsupportedAddressFamily,
}

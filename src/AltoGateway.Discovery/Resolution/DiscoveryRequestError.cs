namespace AltoGateway.Discovery.Resolution;

/// <summary>Why a discovery request was not made: bad parameters abort the procedure (RFC 8686 §3.5) before any query.</summary>
public enum DiscoveryRequestError
{
    /// <summary>The request is valid.</summary>
    None = 0,

    /// <summary>The address (or the address part of a prefix) is not an IPv4 or IPv6 address.</summary>
    BadAddress,

    /// <summary>The prefix length is not a number from 0 to 32 (IPv4) or 128 (IPv6).</summary>
    PrefixLengthOutOfRange,

    /// <summary>RFC 8686 §3.2 "unsupported prefix length": IPv4 shorter than /8, IPv6 shorter than /32.</summary>
    UnsupportedPrefixLength,

    /// <summary>The service parameter is not RFC 4848 §4.5 service-parms ("ALTO:https").</summary>
    InvalidServiceParameter,

    /// <summary>The access domain is not a valid domain name (RFC 1035 §2.3.4).</summary>
    InvalidDomainName,
}

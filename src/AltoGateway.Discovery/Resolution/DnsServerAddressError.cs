namespace AltoGateway.Discovery.Resolution;

/// <summary>Why a "host[:port]" text does not name a DNS server.</summary>
public enum DnsServerAddressError
{
    /// <summary>It does.</summary>
    None = 0,

    /// <summary>The text is empty.</summary>
    Empty,

    /// <summary>"[" without "]", or something other than ":port" after "]".</summary>
    BadBrackets,

    /// <summary>The text in brackets is not an IPv6 address.</summary>
    BadIpv6Address,

    /// <summary>The port is not a number from 1 to 65535.</summary>
    BadPort,

    /// <summary>The host is neither an IP address nor a valid host name (RFC 1035 §2.3.4).</summary>
    BadHost,
}

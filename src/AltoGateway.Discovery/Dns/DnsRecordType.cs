namespace AltoGateway.Discovery.Dns;

/// <summary>The TYPE and CLASS values this codec knows by name (RFC 1035 §3.2.2, §3.2.4; RFC 3403 §4; RFC 6891 §6.1.1).</summary>
public static class DnsRecordType
{
    /// <summary>NS, an authoritative name server.</summary>
    public const ushort Ns = 2;

    /// <summary>CNAME, the canonical name of an alias (RFC 1035 §3.3.1).</summary>
    public const ushort Cname = 5;

    /// <summary>SOA, the start of a zone of authority.</summary>
    public const ushort Soa = 6;

    /// <summary>NAPTR, a naming authority pointer (RFC 3403 §4).</summary>
    public const ushort Naptr = 35;

    /// <summary>OPT, the EDNS(0) pseudo-record (RFC 6891 §6.1.1).</summary>
    public const ushort Opt = 41;

    /// <summary>CLASS IN, the Internet.</summary>
    public const ushort InternetClass = 1;
}

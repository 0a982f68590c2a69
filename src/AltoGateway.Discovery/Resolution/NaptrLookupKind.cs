namespace AltoGateway.Discovery.Resolution;

/// <summary>What the DNS said about one name's NAPTR records, before any service filtering.</summary>
public enum NaptrLookupKind
{
    /// <summary>NOERROR with one or more NAPTR records (possibly behind CNAMEs).</summary>
    Records,

    /// <summary>NOERROR without NAPTR records: the name exists, it has none (RFC 2308 §2.2 NODATA).</summary>
    NoData,

    /// <summary>RCODE 3: the name does not exist (RFC 2308 §2.1).</summary>
    NxDomain,

    /// <summary>No usable answer: timeout, SERVFAIL, REFUSED, network error, a broken response (RFC 8686 §3.5 "temporary failure").</summary>
    TemporaryFailure,
}

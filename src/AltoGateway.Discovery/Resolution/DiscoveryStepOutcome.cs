namespace AltoGateway.Discovery.Resolution;

/// <summary>What one name answered, measured against the wanted service parameter (RFC 8686 §3.4–3.5).</summary>
public enum DiscoveryStepOutcome
{
    /// <summary>One or more valid U-NAPTRs for the service: the procedure stops here with their URIs.</summary>
    Found,

    /// <summary>
    /// NAPTRs for the service, none of them a valid U-NAPTR: the procedure stops here too (the name carries the
    /// service), with no URI, and the trace says why each was rejected.
    /// </summary>
    OnlyUnusableRecords,

    /// <summary>NAPTRs, but only for other services ("LIS:HELD"): go on to the next name.</summary>
    OtherServicesOnly,

    /// <summary>The name exists without NAPTRs (NODATA): go on.</summary>
    NoData,

    /// <summary>The name does not exist (NXDOMAIN): go on.</summary>
    NxDomain,

    /// <summary>Timeout, SERVFAIL, REFUSED, network error: go on at once; retried after every name was tried.</summary>
    TemporaryFailure,
}

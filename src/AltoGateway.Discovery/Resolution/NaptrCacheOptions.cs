namespace AltoGateway.Discovery.Resolution;

/// <summary>How long <see cref="NaptrLookupCache"/> keeps answers (RFC 8686 §3.5: "cache results per their TTL").</summary>
public sealed class NaptrCacheOptions
{
    /// <summary>The longest any answer is kept, whatever its TTL. Default one day.</summary>
    public TimeSpan MaximumTtl { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The shortest a negative answer (NXDOMAIN, NODATA with an SOA) is kept, so a zone with a tiny SOA MINIMUM does
    /// not turn every discovery into a query storm. Default 5 seconds.
    /// </summary>
    public TimeSpan NegativeTtlFloor { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest a negative answer is kept (RFC 2308 §5 suggests one to three hours). Default 3 hours.</summary>
    public TimeSpan NegativeTtlCap { get; init; } = TimeSpan.FromHours(3);

    /// <summary>How many names the cache holds at most. Default 10,000.</summary>
    public int MaximumEntries { get; init; } = 10_000;
}

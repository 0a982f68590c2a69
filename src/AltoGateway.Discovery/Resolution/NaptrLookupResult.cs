using System.Collections.Immutable;
using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Resolution;

/// <summary>
/// The outcome of asking one name for NAPTR records, as a cache keeps it: what kind of answer, the NAPTR records
/// (owned by the name or by the end of its CNAME chain), how long the DNS lets it be kept and whether the
/// resolver vouched for it with the AD bit (RFC 4035 §3.2.3).
/// </summary>
public sealed record NaptrLookupResult
{
    /// <summary>The name asked, absolute.</summary>
    public required string Name { get; init; }

    /// <summary>What kind of answer.</summary>
    public required NaptrLookupKind Kind { get; init; }

    /// <summary>The NAPTR records of the answer, in answer order; empty unless <see cref="NaptrLookupKind.Records"/>.</summary>
    public ImmutableArray<NaptrRecord> Records { get; init; } = [];

    /// <summary>
    /// How long the answer may be kept as the DNS said it: the smallest TTL of the records used (NAPTRs and the
    /// CNAMEs leading to them); for NXDOMAIN and NODATA the SOA in the authority section, min(SOA TTL, MINIMUM)
    /// (RFC 2308 §5). Null when the DNS gave none (a negative answer without SOA, a failure): not cached.
    /// </summary>
    public TimeSpan? Ttl { get; init; }

    /// <summary>The AD bit of the response: the resolver validated it with DNSSEC.</summary>
    public bool AuthenticData { get; init; }

    /// <summary>The CNAMEs followed from <see cref="Name"/>, in order (RFC 2317 delegations).</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>Why it failed; <see cref="DnsFailureReason.None"/> unless <see cref="NaptrLookupKind.TemporaryFailure"/>.</summary>
    public DnsFailureReason Failure { get; init; }

    /// <summary>The failure for a person ("SERVFAIL", "no response from 192.0.2.53:53 within 2 s"); empty otherwise.</summary>
    public string FailureDetail { get; init; } = string.Empty;

    /// <summary>The answer came over TCP after a truncated UDP response.</summary>
    public bool OverTcp { get; init; }

    /// <summary>Datagrams dropped because they were not the response.</summary>
    public int IgnoredDatagrams { get; init; }
}

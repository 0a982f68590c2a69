using System.Net;

namespace AltoGateway.Discovery.Resolution;

/// <summary>Settings of <see cref="AltoDiscoveryResolver"/>.</summary>
public sealed class DiscoveryResolverOptions
{
    /// <summary>The recursive resolver (or server) to ask.</summary>
    public required IPEndPoint Server { get; init; }

    /// <summary>
    /// How many more times names that failed temporarily are asked, after every name was tried (RFC 8686 §3.5
    /// "MAY retry"). 0 turns retries off. Default 1.
    /// </summary>
    public int RetryRounds { get; init; } = 1;

    /// <summary>The pause before each retry round (RFC 7286 §3.2: wait "a time suited to the error"). Default 1 second.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The EDNS(0) UDP payload size advertised (RFC 6891 §6.2.5). Default 1232 (DNS Flag Day 2020).</summary>
    public ushort UdpPayloadSize { get; init; } = Dns.DnsQueryBuilder.DefaultUdpPayloadSize;

    /// <summary>
    /// Set the DO bit (RFC 3225 §3) so that RRSIGs come along, for a caller that validates itself. The AD bit is
    /// asked for either way (RFC 6840 §5.7). Default off: the signatures make answers larger.
    /// </summary>
    public bool DnssecOk { get; init; }

    /// <summary>The clock of the cache and of the retry pause.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

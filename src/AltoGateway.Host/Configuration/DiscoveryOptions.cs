using System.ComponentModel.DataAnnotations;
using System.Net;
using AltoGateway.Alto.Addressing;
using AltoGateway.Discovery.AccessDomains;
using AltoGateway.Discovery.Responder;
using Microsoft.Extensions.Options;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// The <c>Discovery</c> section: the agent's DNS responder (UDP and TCP) for the RFC 7286 access-domain
/// U-NAPTR and the RFC 8686 reverse zones of the public pool. Off in the embedded default (port 53 needs
/// CAP_NET_BIND_SERVICE, and the access domain is the operator's); switched on without <see cref="Listen"/>
/// it answers on the embedded default's 127.0.0.1:8053 only. The values are checked
/// field by field here; whether they make zones (levels against prefixes, defaults that need a LAN or WAN
/// listener) is checked with the other sections by <c>DiscoveryZoneSettings</c>.
/// </summary>
internal sealed class DiscoveryOptions : IValidatableObject
{
    public const string SectionName = "Discovery";

    /// <summary>Serve DNS on <see cref="Listen"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where to answer, UDP and TCP on each: <c>ADDRESS:PORT</c> (IPv6 in brackets), e.g. the LAN and WAN addresses with port 53.</summary>
    public IList<string> Listen { get; set; } = [];

    /// <summary>Access domains handed to subscribers (DHCPv4 213, DHCPv6 57); each gets the U-NAPTR to <see cref="AccessDirectoryUris"/>.</summary>
    public IList<string> AccessDomains { get; set; } = [];

    /// <summary>The directory URIs the access domains point at; empty: the built-in server's IRD on the first LAN listener.</summary>
    public IList<string> AccessDirectoryUris { get; set; } = [];

    /// <summary>The public pool whose reverse names point at <see cref="ReverseDirectoryUris"/>; empty: the NAT's public addresses.</summary>
    public IList<string> ReversePrefixes { get; set; } = [];

    /// <summary>The directory URIs the reverse names point at; empty: the proxy's IRD on the first WAN listener.</summary>
    public IList<string> ReverseDirectoryUris { get; set; } = [];

    /// <summary>The IPv4 reverse names: 32 (one per address), 24, 16 or 8.</summary>
    public int Ipv4ReverseLevel { get; set; } = 32;

    /// <summary>The IPv6 reverse names: 128 (one per address), 64, 56, 48, 40 or 32.</summary>
    public int Ipv6ReverseLevel { get; set; } = 128;

    /// <summary>The NS of every zone and the SOA MNAME: the name the parent zone delegates to.</summary>
    public string NameServer { get; set; } = "localhost.";

    /// <summary>The SOA RNAME, the zone administrator's mailbox as a name (<c>hostmaster.example.net.</c>).</summary>
    public string Hostmaster { get; set; } = "hostmaster.localhost.";

    /// <summary>TTL of the NAPTR, NS and SOA records.</summary>
    public TimeSpan RecordTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>SOA MINIMUM: how long NXDOMAIN and NODATA answers are cached (RFC 2308).</summary>
    public TimeSpan NegativeTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The EDNS payload size advertised, and the largest UDP answer sent.</summary>
    [Range(512, 4096)]
    public int UdpPayloadSize { get; set; } = 1232;

    /// <summary>TCP connections open at once; a further one is closed at once (RFC 7766 §6.2.2).</summary>
    [Range(1, 10000)]
    public int MaxTcpConnections { get; set; } = 100;

    /// <summary>How long a TCP connection may stay silent before it is closed (RFC 7766 §6.2.3).</summary>
    public TimeSpan TcpIdleTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The parsed <see cref="Listen"/> endpoints; call after validation.</summary>
    public IReadOnlyList<IPEndPoint> ListenEndpoints() =>
        [.. Listen.Select(text => StaticMappingOptions.TryParseEndpoint(text, out var endpoint) ? endpoint! : null).OfType<IPEndPoint>()];

    /// <summary>The parsed <see cref="AccessDomains"/>; call after validation.</summary>
    public IReadOnlyList<AccessDomainName> ParsedAccessDomains() =>
        [.. AccessDomains.Select(text => AccessDomainName.TryCreate(text, out var name, out _) ? name : default).Where(n => n.Name is not null)];

    /// <summary>The parsed <see cref="ReversePrefixes"/>; call after validation.</summary>
    public IReadOnlyList<AddressPrefix> ParsedReversePrefixes() =>
        [.. ReversePrefixes.Select(text => TryParsePrefix(text, out var prefix) ? prefix : (AddressPrefix?)null).OfType<AddressPrefix>()];

    /// <summary>An IPv4 or IPv6 prefix, or a single address (as /32 or /128), in strict text form.</summary>
    public static bool TryParsePrefix(string? text, out AddressPrefix prefix)
    {
        prefix = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (!text.Contains('/', StringComparison.Ordinal))
        {
            text += text.Contains(':', StringComparison.Ordinal) ? "/128" : "/32";
        }

        return AddressPrefix.TryParse(EndpointAddressType.Ipv4, text, out prefix, out _)
            || AddressPrefix.TryParse(EndpointAddressType.Ipv6, text, out prefix, out _);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in new[]
        {
            OutOfRange(RecordTtl, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7), nameof(RecordTtl)),
            OutOfRange(NegativeTtl, TimeSpan.FromSeconds(1), TimeSpan.FromHours(3), nameof(NegativeTtl)),
            OutOfRange(TcpIdleTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), nameof(TcpIdleTimeout)),
        })
        {
            if (problem is not null)
            {
                yield return problem;
            }
        }

        var seen = new Dictionary<IPEndPoint, int>();
        for (var i = 0; i < Listen.Count; i++)
        {
            if (!StaticMappingOptions.TryParseEndpoint(Listen[i], out var endpoint))
            {
                yield return new ValidationResult($"'{Listen[i]}' is not ADDRESS:PORT (IPv6 in brackets, port 1-65535)", [$"{nameof(Listen)}:{i}"]);
            }
            else if (!seen.TryAdd(endpoint!, i))
            {
                yield return new ValidationResult($"'{Listen[i]}' is already {nameof(Listen)}:{seen[endpoint!]}", [$"{nameof(Listen)}:{i}"]);
            }
        }

        foreach (var (type, level, member, levels) in new[]
        {
            (EndpointAddressType.Ipv4, Ipv4ReverseLevel, nameof(Ipv4ReverseLevel), "32, 24, 16 or 8"),
            (EndpointAddressType.Ipv6, Ipv6ReverseLevel, nameof(Ipv6ReverseLevel), "128, 64, 56, 48, 40 or 32"),
        })
        {
            if (!ResponderZoneSet.IsReverseLevel(type, level))
            {
                yield return new ValidationResult($"{level} is no RFC 8686 §3.3 level; use {levels}", [member]);
            }
        }

        if (Enabled && Listen.Count == 0)
        {
            yield return new ValidationResult("needs at least one ADDRESS:PORT to answer on", [nameof(Listen)]);
        }

        for (var i = 0; i < AccessDomains.Count; i++)
        {
            if (!AccessDomainName.TryCreate(AccessDomains[i], out _, out var error))
            {
                yield return new ValidationResult($"'{AccessDomains[i]}' is not a domain name ({error})", [$"{nameof(AccessDomains)}:{i}"]);
            }
        }

        for (var i = 0; i < ReversePrefixes.Count; i++)
        {
            if (!TryParsePrefix(ReversePrefixes[i], out _))
            {
                yield return new ValidationResult($"'{ReversePrefixes[i]}' is not an address or a prefix such as 203.0.113.0/24 (no host bits set)", [$"{nameof(ReversePrefixes)}:{i}"]);
            }
        }
    }

    private static ValidationResult? OutOfRange(TimeSpan value, TimeSpan min, TimeSpan max, string member) =>
        value < min || value > max ? new ValidationResult($"must be between {min:c} and {max:c}", [member]) : null;
}

[OptionsValidator]
internal sealed partial class DiscoveryOptionsValidator : IValidateOptions<DiscoveryOptions>;

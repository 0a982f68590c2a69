using System.ComponentModel.DataAnnotations;
using AltoGateway.Discovery.AccessDomains;
using AltoGateway.Discovery.Naptr;
using AltoGateway.Discovery.Resolution;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// The <c>Proxy:Discovery</c> section: how the proxy finds the ALTO server responsible for each source (RFC 8686
/// §4.4). This NAT's subscribers: RFC 7286 for <see cref="AccessDomain"/>; other networks' addresses: RFC 8686
/// XDOMDISC. The configured upstreams and the built-in server follow the discovered ones, and answer alone when
/// discovery finds nothing or fails. Off by default: the proxy then asks the configured upstreams only, as before.
/// </summary>
internal sealed class ProxyDiscoveryOptions : IValidatableObject
{
    /// <summary>Pick upstreams by discovery.</summary>
    public bool Enabled { get; set; }

    /// <summary>The access domain of this NAT's subscribers (RFC 7286 §3.2); empty: no RFC 7286 lookup.</summary>
    public string AccessDomain { get; set; } = string.Empty;

    /// <summary>Look up sources of other networks by RFC 8686 XDOMDISC(address, SP).</summary>
    public bool ReverseLookups { get; set; } = true;

    /// <summary>The U-NAPTR service parameter; empty: "ALTO:https" for RFC 8686, "ALTO:https:http" for RFC 7286.</summary>
    public string Service { get; set; } = string.Empty;

    /// <summary>The DNS server as host[:port] (IPv6 in brackets); empty: the first nameserver of /etc/resolv.conf.</summary>
    public string DnsServer { get; set; } = string.Empty;

    /// <summary>How long one DNS query may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Discovered upstream ALTO servers (clients with their circuit breakers) kept at once; the least recently used goes.</summary>
    public int MaxUpstreams { get; set; } = 64;

    /// <summary>The section's problems, keyed by member (<see cref="ProxyOptions"/> reports them under <c>Discovery:</c>).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxUpstreams is < 1 or > 4096)
        {
            yield return new ValidationResult("must be between 1 and 4096", [nameof(MaxUpstreams)]);
        }

        if (AccessDomain.Length > 0 && !AccessDomainName.TryCreate(AccessDomain, out _, out _))
        {
            yield return new ValidationResult($"'{AccessDomain}' is not a valid domain name (RFC 1035 §2.3.4)", [nameof(AccessDomain)]);
        }

        if (Service.Length > 0 && !UNaptrServiceParameter.TryParse(Service, out _, out _))
        {
            yield return new ValidationResult($"'{Service}' is not a U-NAPTR service parameter such as \"ALTO:https\" (RFC 4848 §4.5)", [nameof(Service)]);
        }

        if (DnsServer.Length > 0 && !DnsServerAddress.TryParse(DnsServer, out _, out _))
        {
            yield return new ValidationResult($"'{DnsServer}' is not HOST[:PORT] (IPv6 as [ADDRESS]:PORT)", [nameof(DnsServer)]);
        }

        if (Timeout < TimeSpan.FromMilliseconds(50) || Timeout > TimeSpan.FromSeconds(30))
        {
            yield return new ValidationResult($"must be between {TimeSpan.FromMilliseconds(50):c} and {TimeSpan.FromSeconds(30):c}", [nameof(Timeout)]);
        }
    }
}

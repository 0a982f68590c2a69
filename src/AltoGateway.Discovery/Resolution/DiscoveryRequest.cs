using System.Globalization;
using System.Net;
using AltoGateway.Alto.Addressing;
using AltoGateway.Discovery.AccessDomains;
using AltoGateway.Discovery.Naming;
using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Resolution;

/// <summary>
/// A checked discovery request: the names to ask, in order, and the service parameter the NAPTRs must carry.
/// Every parameter problem is found here, as a <see cref="DiscoveryRequestError"/>, before any DNS query is sent.
/// </summary>
public sealed class DiscoveryRequest
{
    /// <summary>The SP RFC 8686 §3.1 expects by default.</summary>
    public const string DefaultXdomdiscService = "ALTO:https";

    /// <summary>RFC 7286 §3.2: service "ALTO" with protocol "https" or "http"; order and preference pick between them.</summary>
    public const string DefaultAccessDomainService = "ALTO:https:http";

    private DiscoveryRequest(DiscoveryProcedure procedure, string subject, UNaptrServiceParameter service, IReadOnlyList<DiscoveryName> names)
    {
        Procedure = procedure;
        Subject = subject;
        Service = service;
        Names = names;
    }

    /// <summary>Which procedure runs.</summary>
    public DiscoveryProcedure Procedure { get; }

    /// <summary>What is being discovered for: "2001:db8::1/128", "198.51.100.0/24" or "example.net.".</summary>
    public string Subject { get; }

    /// <summary>The service parameter (SP) a NAPTR must match.</summary>
    public UNaptrServiceParameter Service { get; }

    /// <summary>The names to ask, in order: Table 1 of RFC 8686 §3.4, or the one access domain.</summary>
    public IReadOnlyList<DiscoveryName> Names { get; }

    /// <summary>XDOMDISC(X, SP) for X = (<paramref name="address"/>, <paramref name="prefixLength"/>) (RFC 8686 §3.1).</summary>
    public static bool TryXdomdisc(
        IPAddress address, int prefixLength, string? service, out DiscoveryRequest request, out DiscoveryRequestError error)
    {
        ArgumentNullException.ThrowIfNull(address);
        request = null!;
        if (!TryService(service, DefaultXdomdiscService, out var sp, out error))
        {
            return false;
        }

        if (!XdomdiscNames.TryCompute(address, prefixLength, out var names, out var nameError))
        {
            error = nameError switch
            {
                ReverseNameError.UnsupportedPrefixLength => DiscoveryRequestError.UnsupportedPrefixLength,
                ReverseNameError.PrefixLengthOutOfRange => DiscoveryRequestError.PrefixLengthOutOfRange,
                _ => DiscoveryRequestError.BadAddress,
            };
            return false;
        }

        var typed = TypedEndpointAddress.FromIPAddress(address);
        var subject = typed.AddressText + "/" + prefixLength.ToString(CultureInfo.InvariantCulture);
        var labelled = names.Select(n => new DiscoveryName("R" + n.Bits.ToString(CultureInfo.InvariantCulture), n.Name)).ToArray();
        request = new DiscoveryRequest(DiscoveryProcedure.Xdomdisc, subject, sp, labelled);
        return true;
    }

    /// <summary>
    /// XDOMDISC for "ADDRESS" (a single address: /32 or /128) or "ADDRESS/LENGTH". Bits beyond the length may be set:
    /// X = (A, L) names an address within a prefix (RFC 8686 §3.1).
    /// </summary>
    public static bool TryXdomdisc(string? target, string? service, out DiscoveryRequest request, out DiscoveryRequestError error)
    {
        request = null!;
        if (string.IsNullOrWhiteSpace(target))
        {
            error = DiscoveryRequestError.BadAddress;
            return false;
        }

        var slash = target.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? target.AsSpan() : target.AsSpan(0, slash);
        var type = addressText.Contains(':') ? EndpointAddressType.Ipv6 : EndpointAddressType.Ipv4;
        if (!TypedEndpointAddress.TryParseAddress(type, addressText, out var value))
        {
            error = DiscoveryRequestError.BadAddress;
            return false;
        }

        var length = EndpointAddressTypeNames.BitsOf(type);
        if (slash >= 0 && !int.TryParse(target.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out length))
        {
            error = DiscoveryRequestError.PrefixLengthOutOfRange;
            return false;
        }

        return TryXdomdisc(new TypedEndpointAddress(type, value).ToIPAddress(), length, service, out request, out error);
    }

    /// <summary>The RFC 7286 §3.2 U-NAPTR lookup of an access domain (RFC 5986, DHCP 213/57, or configured).</summary>
    public static bool TryAccessDomain(string? domain, string? service, out DiscoveryRequest request, out DiscoveryRequestError error)
    {
        request = null!;
        if (!TryService(service, DefaultAccessDomainService, out var sp, out error))
        {
            return false;
        }

        if (!AccessDomainName.TryCreate(domain, out var name, out _))
        {
            error = DiscoveryRequestError.InvalidDomainName;
            return false;
        }

        return TryAccessDomain(name, sp, out request, out error);
    }

    /// <summary>The RFC 7286 §3.2 lookup of an already checked access domain.</summary>
    public static bool TryAccessDomain(AccessDomainName domain, UNaptrServiceParameter service, out DiscoveryRequest request, out DiscoveryRequestError error)
    {
        ArgumentNullException.ThrowIfNull(service);
        request = null!;
        if (domain.Name is null)
        {
            error = DiscoveryRequestError.InvalidDomainName;
            return false;
        }

        request = new DiscoveryRequest(DiscoveryProcedure.AccessDomain, domain.Name, service, [new DiscoveryName("access domain", domain.NaptrQueryName)]);
        error = DiscoveryRequestError.None;
        return true;
    }

    /// <summary>A sentence for an operator.</summary>
    public static string Describe(DiscoveryRequestError error) => error switch
    {
        DiscoveryRequestError.None => "no error",
        DiscoveryRequestError.BadAddress => "not an IPv4 or IPv6 address",
        DiscoveryRequestError.PrefixLengthOutOfRange => "the prefix length is not 0–32 (IPv4) or 0–128 (IPv6)",
        DiscoveryRequestError.UnsupportedPrefixLength =>
            $"unsupported prefix length: XDOMDISC needs at least /{XdomdiscNames.MinimumIpv4PrefixLength} for IPv4 and /{XdomdiscNames.MinimumIpv6PrefixLength} for IPv6 (RFC 8686 §3.2)",
        DiscoveryRequestError.InvalidServiceParameter => "not a U-NAPTR service parameter such as \"ALTO:https\" (RFC 4848 §4.5)",
        DiscoveryRequestError.InvalidDomainName => "not a valid domain name (RFC 1035 §2.3.4)",
        _ => error.ToString(),
    };

    private static bool TryService(string? text, string fallback, out UNaptrServiceParameter service, out DiscoveryRequestError error)
    {
        if (!UNaptrServiceParameter.TryParse(text ?? fallback, out service, out _))
        {
            error = DiscoveryRequestError.InvalidServiceParameter;
            return false;
        }

        error = DiscoveryRequestError.None;
        return true;
    }
}

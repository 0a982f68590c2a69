using System.ComponentModel.DataAnnotations;
using System.Net;
using AltoGateway.Alto.Addressing;
using AltoGateway.Proxy;
using Microsoft.Extensions.Options;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// The <c>Proxy</c> section: the third-party ALTO proxy trackers call on the WAN listener
/// (<c>/proxy/directory</c>): what the upstream knows of the subscribers (<see cref="Mode"/>), which
/// upstream ALTO servers to ask, and how patiently.
/// </summary>
internal sealed class ProxyOptions : IValidatableObject
{
    public const string SectionName = "Proxy";

    /// <summary>Serve the proxy on the WAN listeners.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Home: the upstream knows public addresses only. Cgn: it knows the subscriber space.</summary>
    public ProxyMode Mode { get; set; } = ProxyMode.Home;

    /// <summary>Home mode: the gateway's public addresses (else the NAT map's public addresses are used).</summary>
    public List<string> PublicAddresses { get; set; } = [];

    /// <summary>Upstream ALTO servers, asked in this order.</summary>
    public List<ProxyUpstreamOptions> Upstreams { get; set; } = [];

    /// <summary>Ask the built-in ALTO server when no configured upstream answers (or none is configured).</summary>
    public bool FallBackToBuiltIn { get; set; } = true;

    /// <summary>How long one request to an upstream may take (each upstream may override it).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Extra attempts at one upstream after a timeout, a failed connection or a bad answer.</summary>
    [Range(0, 5)]
    public int Retries { get; set; } = 1;

    /// <summary>The pause before the first retry (doubled for each further one).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Failures in a row after which an upstream is skipped for <see cref="BreakDuration"/>.</summary>
    [Range(1, 100)]
    public int FailuresToOpen { get; set; } = 3;

    /// <summary>How long a failing upstream is skipped before one trial request.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an upstream's IRD is used before it is fetched again (it is also fetched again after a failure).</summary>
    public TimeSpan DirectoryRefresh { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Upstreams picked per source by RFC 7286 / RFC 8686 discovery (off by default); checked by <see cref="Validate"/>.</summary>
    public ProxyDiscoveryOptions Discovery { get; set; } = new();

    /// <summary>The parsed <see cref="PublicAddresses"/>; call after validation.</summary>
    public IReadOnlyList<IPAddress> ParsedPublicAddresses() => PublicAddresses.Select(IPAddress.Parse).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // TimeSpan ranges by hand: [Range(typeof(TimeSpan), …)] needs reflection that trimming removes.
        foreach (var problem in new[]
        {
            OutOfRange(Timeout, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(1), nameof(Timeout)),
            OutOfRange(RetryDelay, TimeSpan.Zero, TimeSpan.FromSeconds(10), nameof(RetryDelay)),
            OutOfRange(BreakDuration, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), nameof(BreakDuration)),
            OutOfRange(DirectoryRefresh, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1), nameof(DirectoryRefresh)),
        })
        {
            if (problem is not null)
            {
                yield return problem;
            }
        }

        if (!Enum.IsDefined(Mode))
        {
            yield return new ValidationResult($"'{Mode}' is not a mode (Home or Cgn)", [nameof(Mode)]);
        }

        for (var i = 0; i < PublicAddresses.Count; i++)
        {
            // Strict RFC 3986 / RFC 4291 text (IPAddress.Parse would take "1.2.3" and octal).
            if (!TypedEndpointAddress.TryParseAddress(EndpointAddressType.Ipv4, PublicAddresses[i], out _)
                && !TypedEndpointAddress.TryParseAddress(EndpointAddressType.Ipv6, PublicAddresses[i], out _))
            {
                yield return new ValidationResult($"'{PublicAddresses[i]}' is not an IP address", [$"{nameof(PublicAddresses)}:{i}"]);
            }
        }

        for (var i = 0; i < Upstreams.Count; i++)
        {
            var upstream = Upstreams[i];
            if (!Uri.TryCreate(upstream.Directory, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"'{upstream.Directory}' is not an absolute http(s) URI of an ALTO directory (IRD)", [$"{nameof(Upstreams)}:{i}:{nameof(ProxyUpstreamOptions.Directory)}"]);
            }

            if (upstream.Timeout is { } timeout
                && OutOfRange(timeout, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(1), $"{nameof(Upstreams)}:{i}:{nameof(ProxyUpstreamOptions.Timeout)}") is { } problem)
            {
                yield return problem;
            }
        }

        foreach (var problem in Discovery.Validate(validationContext))
        {
            // Keyed "Discovery:Member", so the problem reads "Proxy:Discovery:Member: …".
            yield return new ValidationResult(problem.ErrorMessage, [.. problem.MemberNames.Select(m => $"{nameof(Discovery)}:{m}")]);
        }

        if (Enabled && Upstreams.Count == 0 && !FallBackToBuiltIn)
        {
            yield return new ValidationResult("no upstream is configured and the built-in server is no fallback: the proxy could answer nothing", [nameof(FallBackToBuiltIn)]);
        }
    }

    private static ValidationResult? OutOfRange(TimeSpan value, TimeSpan min, TimeSpan max, string member) =>
        value < min || value > max ? new ValidationResult($"must be between {min:c} and {max:c}", [member]) : null;
}

/// <summary>One upstream ALTO server of the proxy.</summary>
internal sealed class ProxyUpstreamOptions
{
    /// <summary>Its IRD (directory) URI; resources are found from it.</summary>
    public string Directory { get; set; } = string.Empty;

    /// <summary>Overrides <see cref="ProxyOptions.Timeout"/> for this upstream.</summary>
    public TimeSpan? Timeout { get; set; }
}

[OptionsValidator]
internal sealed partial class ProxyOptionsValidator : IValidateOptions<ProxyOptions>;

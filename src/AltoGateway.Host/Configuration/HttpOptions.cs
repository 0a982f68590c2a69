using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AltoGateway.Host.Configuration;

/// <summary>The <c>Http</c> section: the LAN-facing and WAN-facing listener groups.</summary>
internal sealed class HttpOptions : IValidatableObject
{
    public const string SectionName = "Http";

    /// <summary>Listeners for subscribers: status page, peer IDs, the ALTO service for LAN peers.</summary>
    public ListenerOptions Lan { get; set; } = new();

    /// <summary>Listeners for trackers: the third-party ALTO proxy (<c>Enabled: false</c> for none), with TLS and access control.</summary>
    public ListenerOptions Wan { get; set; } = new();

    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Lan.Enabled)
        {
            yield return new ValidationResult("the LAN listeners cannot be switched off: the status page and LAN services live there", ["Lan:Enabled"]);
        }
        else if (Lan.Urls.Count == 0)
        {
            yield return new ValidationResult("needs at least one URL: the status page and LAN services live there", ["Lan:Urls"]);
        }

        var taken = new List<(ListenerEndpoint Endpoint, string Key)>();
        foreach (var (group, listener) in new[] { ("Lan", Lan), ("Wan", Wan) })
        {
            if (!listener.Enabled)
            {
                continue;
            }

            for (var i = 0; i < listener.Urls.Count; i++)
            {
                var key = $"{group}:Urls:{i}";
                if (!ListenerEndpoint.TryParse(listener.Urls[i], allowHttps: listener == Wan, out var endpoint, out var error))
                {
                    yield return new ValidationResult(error, [key]);
                    continue;
                }

                // A connection's group is told by the address and port it arrived on, so one
                // address and port serve one listener only (and '*' takes its port on every address).
                var clash = taken.FirstOrDefault(t => t.Endpoint.Overlaps(endpoint!));
                if (clash.Key is not null)
                {
                    yield return new ValidationResult($"'{endpoint!.Url}' overlaps '{clash.Endpoint.Url}' of {SectionName}:{clash.Key}; an address and port can serve one listener only", [key]);
                    continue;
                }

                taken.Add((endpoint!, key));
            }
        }

        foreach (var result in WanListenerValidation.Validate(Lan, Wan, Endpoints(ListenerGroup.Wan)))
        {
            yield return result;
        }
    }

    public IReadOnlyList<ListenerEndpoint> Endpoints(ListenerGroup group)
    {
        var listener = group == ListenerGroup.Lan ? Lan : Wan;
        if (!listener.Enabled)
        {
            return [];
        }

        var urls = listener.Urls;
        var endpoints = new List<ListenerEndpoint>(urls.Count);
        foreach (var url in urls)
        {
            if (ListenerEndpoint.TryParse(url, allowHttps: group == ListenerGroup.Wan, out var endpoint, out _))
            {
                endpoints.Add(endpoint!);
            }
        }

        return endpoints;
    }
}

/// <summary>One listener group.</summary>
internal sealed class ListenerOptions
{
    /// <summary>
    /// False switches the group off. (An empty <c>Urls</c> array in a file cannot do that:
    /// Microsoft.Extensions.Configuration ignores empty arrays, so the default's URLs would stay.)
    /// </summary>
    public bool Enabled { get; set; } = true;

    public IList<string> Urls { get; set; } = [];

    /// <summary><c>Http:Wan:Tls</c>, for https:// WAN listeners (null when absent; not for the LAN).</summary>
    public WanTlsOptions? Tls { get; set; }

    /// <summary><c>Http:Wan:Access</c>: who may call the WAN listeners (null when absent: Open; not for the LAN).</summary>
    public WanAccessOptions? Access { get; set; }
}

[OptionsValidator]
internal sealed partial class HttpOptionsValidator : IValidateOptions<HttpOptions>;

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AltoGateway.Host.Configuration;

/// <summary>The <c>Http</c> section: the LAN-facing and WAN-facing listener groups.</summary>
internal sealed class HttpOptions : IValidatableObject
{
    public const string SectionName = "Http";

    /// <summary>Listeners for subscribers: status page, peer IDs, the ALTO service for LAN peers.</summary>
    public ListenerOptions Lan { get; set; } = new();

    /// <summary>Listeners for trackers: the third-party ALTO proxy. No URLs = no WAN listener.</summary>
    public ListenerOptions Wan { get; set; } = new();

    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Lan.Urls.Count == 0)
        {
            yield return new ValidationResult("needs at least one URL: the status page and LAN services live there", ["Lan:Urls"]);
        }

        var ports = new Dictionary<int, string>();
        foreach (var (group, listener) in new[] { ("Lan", Lan), ("Wan", Wan) })
        {
            for (var i = 0; i < listener.Urls.Count; i++)
            {
                var key = $"{group}:Urls:{i}";
                if (!ListenerEndpoint.TryParse(listener.Urls[i], out var endpoint, out var error))
                {
                    yield return new ValidationResult(error, [key]);
                    continue;
                }

                // A connection's listener group is told by its local port, so one port serves one group.
                if (!ports.TryAdd(endpoint!.Port, key))
                {
                    yield return new ValidationResult($"port {endpoint.Port} is already used by {SectionName}:{ports[endpoint.Port]}; every listener needs a port of its own", [key]);
                }
            }
        }
    }

    public IReadOnlyList<ListenerEndpoint> Endpoints(ListenerGroup group)
    {
        var urls = group == ListenerGroup.Lan ? Lan.Urls : Wan.Urls;
        var endpoints = new List<ListenerEndpoint>(urls.Count);
        foreach (var url in urls)
        {
            if (ListenerEndpoint.TryParse(url, out var endpoint, out _))
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
    public IList<string> Urls { get; set; } = [];
}

[OptionsValidator]
internal sealed partial class HttpOptionsValidator : IValidateOptions<HttpOptions>;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Messages;

/// <summary>
/// One IRD resource (RFC 7285 §9.2.2). No <see cref="Accepts"/> means GET, an accepts means POST;
/// a missing capabilities means {}. <see cref="Uri"/> may be relative (resolved per RFC 3986 §5
/// against the IRD's URI by the client).
/// </summary>
public sealed class ResourceEntry
{
    /// <summary>The resource's URI, possibly relative.</summary>
    [JsonPropertyName("uri")]
#pragma warning disable CA1056 // kept as text: relative URIs are resolved by the client, and the wire value must survive unchanged
    public string Uri { get; set; } = "";
#pragma warning restore CA1056

    /// <summary>The media type of its responses.</summary>
    [JsonPropertyName("media-type")]
    public string MediaType { get; set; } = "";

    /// <summary>The media type of its POST requests, if any.</summary>
    [JsonPropertyName("accepts")]
    public string? Accepts { get; set; }

    /// <summary>Its capabilities.</summary>
    [JsonPropertyName("capabilities")]
    public ResourceCapabilities? Capabilities { get; set; }

    /// <summary>The resource ids it depends on (a cost map's network map, §11.2.3.5).</summary>
    [JsonPropertyName("uses")]
    public List<string>? Uses { get; set; }

    /// <summary>Fields this version does not know, kept (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

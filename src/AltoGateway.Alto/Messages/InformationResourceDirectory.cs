using System.Text.Json;
using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Messages;

/// <summary>An IRD, application/alto-directory+json (RFC 7285 §9.2).</summary>
public sealed class InformationResourceDirectory
{
    /// <summary>cost-types and default-alto-network-map.</summary>
    [JsonPropertyName("meta")]
    public ResponseMeta? Meta { get; set; }

    /// <summary>Resource id → entry.</summary>
    [JsonPropertyName("resources")]
    public Dictionary<string, ResourceEntry> Resources { get; set; } = [];

    /// <summary>Fields this version does not know, kept (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

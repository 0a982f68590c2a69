using System.Text.Json;
using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Messages;

/// <summary>An EPS response, application/alto-endpointprop+json (RFC 7285 §11.4.1.6).</summary>
public sealed class EndpointPropertyResponse
{
    /// <summary>dependent-vtags of the maps the properties come from.</summary>
    [JsonPropertyName("meta")]
    public ResponseMeta Meta { get; set; } = new();

    /// <summary>Address → property → value; undefined properties are omitted.</summary>
    [JsonPropertyName("endpoint-properties")]
    public Dictionary<string, Dictionary<string, string>> EndpointProperties { get; set; } = [];

    /// <summary>Fields this version does not know, kept (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

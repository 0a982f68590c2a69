using System.Text.Json;
using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Messages;

/// <summary>An ECS response, application/alto-endpointcost+json (RFC 7285 §11.5.1.6).</summary>
public sealed class EndpointCostResponse
{
    /// <summary>cost-type (a MUST).</summary>
    [JsonPropertyName("meta")]
    public ResponseMeta Meta { get; set; } = new();

    /// <summary>Source address → destination address → cost.</summary>
    [JsonPropertyName("endpoint-cost-map")]
    public Dictionary<string, Dictionary<string, double>> EndpointCostMap { get; set; } = [];

    /// <summary>Fields this version does not know, kept (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

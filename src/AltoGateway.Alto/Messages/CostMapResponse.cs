using System.Text.Json;
using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Messages;

/// <summary>
/// A cost map or filtered cost map, application/alto-costmap+json (RFC 7285 §11.2.3.6):
/// source PID → destination PID → cost. Undefined pairs may be omitted.
/// </summary>
public sealed class CostMapResponse
{
    /// <summary>dependent-vtags (exactly one) and cost-type.</summary>
    [JsonPropertyName("meta")]
    public ResponseMeta Meta { get; set; } = new();

    /// <summary>src → dst → cost.</summary>
    [JsonPropertyName("cost-map")]
    public Dictionary<string, Dictionary<string, double>> CostMap { get; set; } = [];

    /// <summary>Fields this version does not know, kept (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using AltoGateway.Alto.Costs;

namespace AltoGateway.Alto.Messages;

/// <summary>An ECS request, application/alto-endpointcostparams+json (RFC 7285 §11.5.1.3).</summary>
public sealed class EndpointCostRequest
{
    /// <summary>The cost type asked for.</summary>
    [JsonPropertyName("cost-type")]
    public CostType CostType { get; set; } = new();

    /// <summary>Optional constraints, ANDed.</summary>
    [JsonPropertyName("constraints")]
    public List<string>? Constraints { get; set; }

    /// <summary>The sources and destinations.</summary>
    [JsonPropertyName("endpoints")]
    public EndpointFilter Endpoints { get; set; } = new();

    /// <summary>Fields this version does not know, kept (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

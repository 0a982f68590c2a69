using System.Text.Json;
using System.Text.Json.Serialization;
using AltoGateway.Alto.Costs;

namespace AltoGateway.Alto.Messages;

/// <summary>A filtered cost map request, application/alto-costmapfilter+json (RFC 7285 §11.3.2.3).</summary>
public sealed class FilteredCostMapRequest
{
    /// <summary>The cost type asked for (its description is ignored by servers).</summary>
    [JsonPropertyName("cost-type")]
    public CostType CostType { get; set; } = new();

    /// <summary>Optional constraints, ANDed.</summary>
    [JsonPropertyName("constraints")]
    public List<string>? Constraints { get; set; }

    /// <summary>Optional PID filter.</summary>
    [JsonPropertyName("pids")]
    public PidFilter? Pids { get; set; }

    /// <summary>Fields this version does not know, kept (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

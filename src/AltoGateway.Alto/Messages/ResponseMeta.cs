using System.Text.Json;
using System.Text.Json.Serialization;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Identifiers;

namespace AltoGateway.Alto.Messages;

/// <summary>
/// The "meta" of a response (RFC 7285 §8.4.1): an IRD's cost-types and default network map (§9.2.2),
/// a map's vtag (§11.2.1.6), dependent-vtags and cost-type (§11.2.3.6, §11.5.1.6).
/// </summary>
public sealed class ResponseMeta
{
    /// <summary>IRD: local cost-type names → cost types (§9.2.2).</summary>
    [JsonPropertyName("cost-types")]
    public Dictionary<string, CostType>? CostTypes { get; set; }

    /// <summary>Root IRD: the default network map's resource id (§9.2.2).</summary>
    [JsonPropertyName("default-alto-network-map")]
    public string? DefaultAltoNetworkMap { get; set; }

    /// <summary>Network map: its version (§11.2.1.6).</summary>
    [JsonPropertyName("vtag")]
    public VersionTag? Vtag { get; set; }

    /// <summary>Cost map, EPS: the versions of the maps the answer depends on (§11.1).</summary>
    [JsonPropertyName("dependent-vtags")]
    public List<VersionTag>? DependentVtags { get; set; }

    /// <summary>Cost map, ECS: the cost type of the values (§11.2.3.6, §11.5.1.6).</summary>
    [JsonPropertyName("cost-type")]
    public CostType? CostType { get; set; }

    /// <summary>Fields this version does not know, kept for re-serialisation (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

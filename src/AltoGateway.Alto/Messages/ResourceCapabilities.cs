using System.Text.Json;
using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Messages;

/// <summary>
/// The capabilities of an IRD entry (RFC 7285 §9.2.2); the fields used by the base protocol's
/// services: cost maps (§11.2.3.4), filtered cost maps and ECS (§11.3.2.4, §11.5.1.4), EPS (§11.4.1.4).
/// </summary>
public sealed class ResourceCapabilities
{
    /// <summary>Whether "constraints" are accepted (§11.3.2.4).</summary>
    [JsonPropertyName("cost-constraints")]
    public bool? CostConstraints { get; set; }

    /// <summary>The cost-type names (keys of meta.cost-types) the resource offers.</summary>
    [JsonPropertyName("cost-type-names")]
    public List<string>? CostTypeNames { get; set; }

    /// <summary>EPS: the properties offered (§11.4.1.4).</summary>
    [JsonPropertyName("prop-types")]
    public List<string>? PropTypes { get; set; }

    /// <summary>Capabilities of extensions, kept as they were (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

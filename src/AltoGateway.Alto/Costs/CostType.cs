using System.Text.Json;
using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Costs;

/// <summary>
/// A cost type {cost-mode, cost-metric[, description]} (RFC 7285 §10.7). Two cost types are the same
/// when mode and metric are; the description is informational (§11.3.2.3: the server ignores it).
/// </summary>
public sealed class CostType : IEquatable<CostType>
{
    /// <summary>Creates an empty cost type (for the serializer).</summary>
    public CostType()
    {
    }

    /// <summary>Creates a cost type.</summary>
    public CostType(string costMode, string costMetric, string? description = null)
    {
        CostMode = costMode;
        CostMetric = costMetric;
        Description = description;
    }

    /// <summary>The mode, see <see cref="Costs.CostMode"/>.</summary>
    [JsonPropertyName("cost-mode")]
    public string CostMode { get; set; } = "";

    /// <summary>The metric, see <see cref="Costs.CostMetric"/>.</summary>
    [JsonPropertyName("cost-metric")]
    public string CostMetric { get; set; } = "";

    /// <summary>An optional human-readable description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Fields this version does not know, kept for re-serialisation (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <inheritdoc/>
    public bool Equals(CostType? other) =>
        other is not null && string.Equals(CostMode, other.CostMode, StringComparison.Ordinal)
        && string.Equals(CostMetric, other.CostMetric, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CostType);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(CostMode), StringComparer.Ordinal.GetHashCode(CostMetric));

    /// <inheritdoc/>
    public override string ToString() => CostMode + "/" + CostMetric;
}

using AltoGateway.Alto.Costs;

namespace AltoGateway.Alto.Client;

/// <summary>
/// One information resource of an IRD closure (RFC 7285 §9.2.2) as a client uses it: an absolute
/// URI, and the cost types resolved through the meta.cost-types of the IRD that listed it.
/// </summary>
public sealed class AltoResource
{
    /// <summary>The resource id, unique in the closure (§9.1.1).</summary>
    public required string Id { get; init; }

    /// <summary>The absolute URI (a relative one already resolved against <see cref="Directory"/>, RFC 3986 §5).</summary>
    public required Uri Uri { get; init; }

    /// <summary>The media type of its responses, as listed.</summary>
    public required string MediaType { get; init; }

    /// <summary>The media type of its POST requests; null for a GET resource (§9.2.2).</summary>
    public string? Accepts { get; init; }

    /// <summary>capabilities.cost-type-names, resolved to cost types (§11.2.3.4, §11.3.2.4, §11.5.1.4).</summary>
    public IReadOnlyList<CostType> CostTypes { get; init; } = [];

    /// <summary>capabilities.prop-types (§11.4.1.4), as listed: global ("pid") or resource-specific ("map.pid") names.</summary>
    public IReadOnlyList<string> PropertyTypes { get; init; } = [];

    /// <summary>capabilities.cost-constraints (§11.3.2.4); false when absent.</summary>
    public bool CostConstraints { get; init; }

    /// <summary>The resource ids it depends on (§9.2.2 "uses").</summary>
    public IReadOnlyList<string> Uses { get; init; } = [];

    /// <summary>The URI of the IRD that listed it.</summary>
    public required Uri Directory { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({MediaType}{(Accepts is null ? "" : " ← " + Accepts)}) {Uri}";
}

using AltoGateway.Alto.Costs;
using AltoGateway.Alto.MediaTypes;

namespace AltoGateway.Alto.Client;

/// <summary>
/// The closure of an IRD (RFC 7285 §9.2.4): the resources of the root IRD and of every delegated
/// sub-IRD, with absolute URIs, and finders that pick a resource by media type, cost type or property.
/// </summary>
public sealed class AltoDirectory
{
    /// <summary>Creates a directory from resources already resolved.</summary>
    public AltoDirectory(Uri uri, IReadOnlyList<AltoResource> resources, string? defaultNetworkMapId)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(resources);
        Uri = uri;
        Resources = resources;
        DefaultNetworkMapId = defaultNetworkMapId;
    }

    /// <summary>The URI of the root IRD.</summary>
    public Uri Uri { get; }

    /// <summary>Every resource of the closure, the root's first, each sub-IRD's after its parent's.</summary>
    public IReadOnlyList<AltoResource> Resources { get; }

    /// <summary>The root IRD's meta.default-alto-network-map (§9.2.2).</summary>
    public string? DefaultNetworkMapId { get; }

    /// <summary>The ECS (§11.5.1) offering <paramref name="costType"/> (mode and metric; descriptions ignored).</summary>
    public AltoResource? FindEndpointCost(CostType costType) =>
        Offering(AltoMediaTypes.EndpointCost, AltoMediaTypes.EndpointCostParams, costType).FirstOrDefault();

    /// <summary>
    /// The EPS (§11.4.1) offering <paramref name="propertyName"/>. An exact prop-types entry wins;
    /// otherwise a global name ("pid") matches a resource-specific offer ("map.pid", §10.8.1), and a
    /// resource-specific name ("map.pid") matches a global offer of a service that uses that map (or,
    /// using none, when the map is the default network map).
    /// </summary>
    public AltoResource? FindEndpointProperty(string propertyName)
    {
        ArgumentException.ThrowIfNullOrEmpty(propertyName);
        var services = Resources.Where(r => Is(r, AltoMediaTypes.EndpointProperty, AltoMediaTypes.EndpointPropertyParams)).ToList();
        return services.FirstOrDefault(r => r.PropertyTypes.Contains(propertyName, StringComparer.Ordinal))
            ?? services.FirstOrDefault(r => r.PropertyTypes.Any(offered => MatchesLoosely(r, propertyName, offered)));
    }

    /// <summary>The network map (§11.2.1) <paramref name="resourceId"/>, or the default one when null (falling back to the first listed).</summary>
    public AltoResource? FindNetworkMap(string? resourceId = null)
    {
        var maps = Resources.Where(r => Is(r, AltoMediaTypes.NetworkMap, null)).ToList();
        return resourceId is not null
            ? maps.FirstOrDefault(r => r.Id == resourceId)
            : maps.FirstOrDefault(r => r.Id == DefaultNetworkMapId) ?? maps.FirstOrDefault();
    }

    /// <summary>The cost map (§11.2.3) of <paramref name="costType"/>, one on the default network map first.</summary>
    public AltoResource? FindCostMap(CostType costType) =>
        DefaultMapFirst(Offering(AltoMediaTypes.CostMap, null, costType));

    /// <summary>The filtered cost map (§11.3.2) offering <paramref name="costType"/>, one on the default network map first.</summary>
    public AltoResource? FindFilteredCostMap(CostType costType) =>
        DefaultMapFirst(Offering(AltoMediaTypes.CostMap, AltoMediaTypes.CostMapFilter, costType));

    /// <summary>The filtered network map (§11.3.1), one on the default network map first.</summary>
    public AltoResource? FindFilteredNetworkMap() =>
        DefaultMapFirst(Resources.Where(r => Is(r, AltoMediaTypes.NetworkMap, AltoMediaTypes.NetworkMapFilter)));

    private IEnumerable<AltoResource> Offering(string mediaType, string? accepts, CostType costType)
    {
        ArgumentNullException.ThrowIfNull(costType);
        return Resources.Where(r => Is(r, mediaType, accepts) && r.CostTypes.Contains(costType));
    }

    private AltoResource? DefaultMapFirst(IEnumerable<AltoResource> candidates) =>
        candidates.OrderBy(r => r.Uses.Contains(DefaultNetworkMapId ?? "", StringComparer.Ordinal) ? 0 : 1).FirstOrDefault();

    /// <summary>The media type, and accepts: none for a GET resource, the request type for a POST one (§9.2.2).</summary>
    private static bool Is(AltoResource resource, string mediaType, string? accepts) =>
        AltoMediaTypeMatcher.Matches(resource.MediaType, mediaType)
        && (accepts is null ? resource.Accepts is null : AltoMediaTypeMatcher.Matches(resource.Accepts, accepts));

    private bool MatchesLoosely(AltoResource resource, string asked, string offered)
    {
        var askedDot = asked.IndexOf('.', StringComparison.Ordinal);
        var offeredDot = offered.IndexOf('.', StringComparison.Ordinal);
        if (askedDot < 0)
        {
            return offeredDot >= 0 && offered.AsSpan(offeredDot + 1).SequenceEqual(asked);
        }

        var map = asked[..askedDot];
        return offeredDot < 0
            && asked.AsSpan(askedDot + 1).SequenceEqual(offered)
            && (resource.Uses.Count == 0 ? map == DefaultNetworkMapId : resource.Uses.Contains(map, StringComparer.Ordinal));
    }
}

namespace AltoGateway.Alto.MediaTypes;

/// <summary>
/// The ten media types of RFC 7285 §14.1 (all "application/alto-*+json", no parameters).
/// Written exactly like this; compared with <see cref="AltoMediaTypeMatcher"/> when read.
/// </summary>
public static class AltoMediaTypes
{
    /// <summary>Information resource directory (§9).</summary>
    public const string Directory = "application/alto-directory+json";

    /// <summary>Network map and filtered network map response (§11.2.1, §11.3.1).</summary>
    public const string NetworkMap = "application/alto-networkmap+json";

    /// <summary>Filtered network map request (§11.3.1).</summary>
    public const string NetworkMapFilter = "application/alto-networkmapfilter+json";

    /// <summary>Cost map and filtered cost map response (§11.2.3, §11.3.2).</summary>
    public const string CostMap = "application/alto-costmap+json";

    /// <summary>Filtered cost map request (§11.3.2).</summary>
    public const string CostMapFilter = "application/alto-costmapfilter+json";

    /// <summary>Endpoint property response (§11.4.1).</summary>
    public const string EndpointProperty = "application/alto-endpointprop+json";

    /// <summary>Endpoint property request (§11.4.1).</summary>
    public const string EndpointPropertyParams = "application/alto-endpointpropparams+json";

    /// <summary>Endpoint cost response (§11.5.1).</summary>
    public const string EndpointCost = "application/alto-endpointcost+json";

    /// <summary>Endpoint cost request (§11.5.1).</summary>
    public const string EndpointCostParams = "application/alto-endpointcostparams+json";

    /// <summary>Error response (§8.5).</summary>
    public const string Error = "application/alto-error+json";

    /// <summary>All ten, in the order of §14.1.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Directory, NetworkMap, NetworkMapFilter, CostMap, CostMapFilter,
        EndpointProperty, EndpointPropertyParams, EndpointCost, EndpointCostParams, Error,
    ];
}

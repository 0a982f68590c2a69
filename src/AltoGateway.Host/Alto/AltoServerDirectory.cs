using AltoGateway.Alto.Costs;
using AltoGateway.Alto.MediaTypes;
using AltoGateway.Alto.Messages;

namespace AltoGateway.Host.Alto;

/// <summary>The built-in server's information resource directory (RFC 7285 §9) and the names it gives.</summary>
internal static class AltoServerDirectory
{
    public const string NumericalName = "num-routingcost";
    public const string OrdinalName = "ord-routingcost";
    public const string PidProperty = "pid";
    public const string NetworkMapPidProperty = AltoMaps.NetworkMapId + ".pid";

    /// <summary>The IRD (§9), with absolute URIs on the scheme and host the client used, so they are reachable on the listener it asked.</summary>
    public static InformationResourceDirectory For(string baseUri)
    {
        var costTypeNames = new List<string> { NumericalName, OrdinalName };
        return new InformationResourceDirectory
        {
            Meta = new ResponseMeta
            {
                CostTypes = new Dictionary<string, CostType>(StringComparer.Ordinal)
                {
                    [NumericalName] = AltoMaps.NumericalRoutingCost,
                    [OrdinalName] = AltoMaps.OrdinalRoutingCost,
                },
                DefaultAltoNetworkMap = AltoMaps.NetworkMapId,
            },
            Resources = new Dictionary<string, ResourceEntry>(StringComparer.Ordinal)
            {
                [AltoMaps.NetworkMapId] = new() { Uri = baseUri + "/networkmap", MediaType = AltoMediaTypes.NetworkMap },
                ["costmap-" + NumericalName] = new()
                {
                    Uri = baseUri + "/costmap/" + NumericalName,
                    MediaType = AltoMediaTypes.CostMap,
                    Capabilities = new ResourceCapabilities { CostTypeNames = [NumericalName] },
                    Uses = [AltoMaps.NetworkMapId],
                },
                ["costmap-" + OrdinalName] = new()
                {
                    Uri = baseUri + "/costmap/" + OrdinalName,
                    MediaType = AltoMediaTypes.CostMap,
                    Capabilities = new ResourceCapabilities { CostTypeNames = [OrdinalName] },
                    Uses = [AltoMaps.NetworkMapId],
                },
                ["filtered-network-map"] = new()
                {
                    Uri = baseUri + "/networkmap/filtered",
                    MediaType = AltoMediaTypes.NetworkMap,
                    Accepts = AltoMediaTypes.NetworkMapFilter,
                    Uses = [AltoMaps.NetworkMapId],
                },
                ["filtered-cost-map"] = new()
                {
                    Uri = baseUri + "/costmap/filtered",
                    MediaType = AltoMediaTypes.CostMap,
                    Accepts = AltoMediaTypes.CostMapFilter,
                    Capabilities = new ResourceCapabilities { CostConstraints = true, CostTypeNames = costTypeNames },
                    Uses = [AltoMaps.NetworkMapId],
                },
                ["endpoint-property"] = new()
                {
                    Uri = baseUri + "/endpointprop",
                    MediaType = AltoMediaTypes.EndpointProperty,
                    Accepts = AltoMediaTypes.EndpointPropertyParams,
                    Capabilities = new ResourceCapabilities { PropTypes = [NetworkMapPidProperty, PidProperty] },
                    Uses = [AltoMaps.NetworkMapId],
                },
                ["endpoint-cost"] = new()
                {
                    // §11.5.1: an ECS carries no "uses".
                    Uri = baseUri + "/endpointcost",
                    MediaType = AltoMediaTypes.EndpointCost,
                    Accepts = AltoMediaTypes.EndpointCostParams,
                    Capabilities = new ResourceCapabilities { CostConstraints = true, CostTypeNames = [.. costTypeNames] },
                },
            },
        };
    }
}

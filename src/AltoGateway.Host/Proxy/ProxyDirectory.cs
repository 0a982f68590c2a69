using AltoGateway.Alto.Costs;
using AltoGateway.Alto.MediaTypes;
using AltoGateway.Alto.Messages;
using AltoGateway.Host.Alto;

namespace AltoGateway.Host.Proxy;

/// <summary>
/// The proxy's IRD (RFC 7285 §9) on the WAN listeners: one ECS and one EPS that take AltoGateway's
/// extension endpoint names. It lists no maps: PIDs are the upstream's, and a tracker ranking peers
/// behind a NAT needs per-endpoint answers, not the upstream's maps. Cost types other than the two
/// listed are still forwarded when an upstream offers them.
/// </summary>
internal static class ProxyDirectory
{
    public const string DirectoryPath = "/proxy/directory";
    public const string EndpointCostPath = "/proxy/endpointcost";
    public const string EndpointPropertyPath = "/proxy/endpointprop";
    public const string EndpointCostId = "third-party-endpoint-cost";
    public const string EndpointPropertyId = "third-party-endpoint-property";

    public static InformationResourceDirectory For(string baseUri) => new()
    {
        Meta = new ResponseMeta
        {
            CostTypes = new Dictionary<string, CostType>(StringComparer.Ordinal)
            {
                [AltoServerDirectory.NumericalName] = AltoMaps.NumericalRoutingCost,
                [AltoServerDirectory.OrdinalName] = AltoMaps.OrdinalRoutingCost,
            },
        },
        Resources = new Dictionary<string, ResourceEntry>(StringComparer.Ordinal)
        {
            [EndpointCostId] = new()
            {
                Uri = baseUri + EndpointCostPath,
                MediaType = AltoMediaTypes.EndpointCost,
                Accepts = AltoMediaTypes.EndpointCostParams,
                Capabilities = new ResourceCapabilities { CostConstraints = true, CostTypeNames = [AltoServerDirectory.NumericalName, AltoServerDirectory.OrdinalName] },
            },
            [EndpointPropertyId] = new()
            {
                Uri = baseUri + EndpointPropertyPath,
                MediaType = AltoMediaTypes.EndpointProperty,
                Accepts = AltoMediaTypes.EndpointPropertyParams,
                Capabilities = new ResourceCapabilities { PropTypes = [AltoServerDirectory.PidProperty] },
            },
        },
    };
}

using System.Text.Json.Nodes;

namespace AltoGateway.Tests.SharedAlto;

/// <summary>
/// The fake's IRDs (RFC 7285 §9): the root at /directory and, when delegating, a sub-IRD at
/// /sub/directory that lists the ECS under cost-type names of its own ("sub-num", "sub-ord").
/// </summary>
internal static class FakeAltoUpstreamDirectories
{
    public const string NumericalName = "num-routingcost";
    public const string OrdinalName = "ord-routingcost";

    public static JsonObject Root(Uri baseUri, FakeAltoUpstreamSettings settings, FakeUpstreamBehaviour behaviour)
    {
        string Uri(string relative) => behaviour.RelativeUris ? relative : new Uri(baseUri, "/" + relative).ToString();
        var map = settings.NetworkMapId;
        var resources = new JsonObject
        {
            [map] = Entry(Uri("networkmap"), "application/alto-networkmap+json"),
            ["costmap-" + NumericalName] = CostMapEntry(Uri("costmap/" + NumericalName), NumericalName, map),
            ["costmap-" + OrdinalName] = CostMapEntry(Uri("costmap/" + OrdinalName), OrdinalName, map),
            ["endpoint-property"] = Entry(Uri("endpointprop"), "application/alto-endpointprop+json", "application/alto-endpointpropparams+json",
                new JsonObject { ["prop-types"] = new JsonArray("pid", map + ".pid") }, map),
        };
        if (behaviour.DelegateEndpointCostToSubDirectory)
        {
            resources["sub-directory"] = Entry(Uri("sub/directory"), "application/alto-directory+json");
        }
        else
        {
            resources["endpoint-cost"] = EndpointCostEntry(Uri("endpointcost"), NumericalName, OrdinalName);
        }

        return new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["cost-types"] = CostTypes(NumericalName, OrdinalName),
                ["default-alto-network-map"] = map,
            },
            ["resources"] = resources,
        };
    }

    public static JsonObject Sub(Uri baseUri, FakeUpstreamBehaviour behaviour)
    {
        string Uri(string relative, string absolute) => behaviour.RelativeUris ? relative : new Uri(baseUri, absolute).ToString();
        var resources = new JsonObject
        {
            ["sub-endpoint-cost"] = EndpointCostEntry(Uri("endpointcost", "/sub/endpointcost"), "sub-num", "sub-ord"),
        };
        if (behaviour.SubDirectoryLinksBackToRoot)
        {
            resources["back-to-root"] = Entry(Uri("../directory", "/directory"), "application/alto-directory+json");
        }

        return new JsonObject { ["meta"] = new JsonObject { ["cost-types"] = CostTypes("sub-num", "sub-ord") }, ["resources"] = resources };
    }

    private static JsonObject CostTypes(string numerical, string ordinal) => new()
    {
        [numerical] = new JsonObject { ["cost-mode"] = "numerical", ["cost-metric"] = "routingcost" },
        [ordinal] = new JsonObject { ["cost-mode"] = "ordinal", ["cost-metric"] = "routingcost", ["description"] = "rank of the routing cost" },
    };

    private static JsonObject CostMapEntry(string uri, string costTypeName, string map) =>
        Entry(uri, "application/alto-costmap+json", null, new JsonObject { ["cost-type-names"] = new JsonArray(costTypeName) }, map);

    private static JsonObject EndpointCostEntry(string uri, string numerical, string ordinal) =>
        Entry(uri, "application/alto-endpointcost+json", "application/alto-endpointcostparams+json",
            new JsonObject { ["cost-constraints"] = false, ["cost-type-names"] = new JsonArray(numerical, ordinal) });

    private static JsonObject Entry(string uri, string mediaType, string? accepts = null, JsonObject? capabilities = null, string? uses = null)
    {
        var entry = new JsonObject { ["uri"] = uri, ["media-type"] = mediaType };
        if (accepts is not null)
        {
            entry["accepts"] = accepts;
        }

        if (capabilities is not null)
        {
            entry["capabilities"] = capabilities;
        }

        if (uses is not null)
        {
            entry["uses"] = new JsonArray(uses);
        }

        return entry;
    }
}

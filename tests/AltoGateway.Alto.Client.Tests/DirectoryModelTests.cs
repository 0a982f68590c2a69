using AltoGateway.Alto.Client.Closure;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Messages;

namespace AltoGateway.Alto.Client.Tests;

/// <summary>The finders' matching rules and the closure's handling of inconsistent IRD entries, without HTTP.</summary>
public sealed class DirectoryModelTests
{
    private static readonly Uri Ird = new("http://alto.example/ird");

    private static AltoResource Resource(string id, string mediaType, string? accepts = null, List<string>? props = null, List<string>? uses = null, List<CostType>? costTypes = null) => new()
    {
        Id = id,
        Uri = new Uri(Ird, "/" + id),
        MediaType = mediaType,
        Accepts = accepts,
        PropertyTypes = props ?? [],
        Uses = uses ?? [],
        CostTypes = costTypes ?? [],
        Directory = Ird,
    };

    private const string Eps = "application/alto-endpointprop+json";
    private const string EpsParams = "application/alto-endpointpropparams+json";

    [Theory]
    [InlineData("main-map.pid", null, "pid", true)] // global asked, resource-specific offered (§10.8.1)
    [InlineData("pid", "other-map", "other-map.pid", true)] // resource-specific asked, global offered by a service using that map
    [InlineData("pid", "other-map", "main-map.pid", false)]
    [InlineData("pid", null, "main-map.pid", true)] // a service using no map: the default one
    [InlineData("pid", null, "other-map.pid", false)]
    [InlineData("priv:colour", null, "pid", false)]
    public void Property_names_match_between_global_and_resource_specific_forms(string offered, string? uses, string asked, bool found)
    {
        var directory = new AltoDirectory(Ird,
        [
            Resource("not-an-eps", "application/alto-networkmap+json", props: [asked]),
            Resource("eps", Eps, EpsParams, props: [offered], uses: uses is null ? [] : [uses]),
        ], "main-map");

        Assert.Equal(found ? "eps" : null, directory.FindEndpointProperty(asked)?.Id);
    }

    [Fact]
    public void An_exact_property_offer_wins_over_a_looser_one_listed_first()
    {
        var directory = new AltoDirectory(Ird,
        [
            Resource("eps-loose", Eps, EpsParams, props: ["main-map.pid"]),
            Resource("eps-exact", Eps, EpsParams, props: ["pid"]),
        ], "main-map");

        Assert.Equal("eps-exact", directory.FindEndpointProperty("pid")?.Id);
        Assert.Equal("eps-loose", directory.FindEndpointProperty("main-map.pid")?.Id);
    }

    [Fact]
    public void Maps_on_the_default_network_map_are_preferred_and_get_and_post_resources_are_told_apart()
    {
        const string CostMap = "application/alto-costmap+json", NetworkMap = "application/alto-networkmap+json";
        var numerical = new CostType("numerical", "routingcost");
        var directory = new AltoDirectory(Ird,
        [
            Resource("other-map", NetworkMap),
            Resource("filtered-on-other", CostMap, "application/alto-costmapfilter+json", uses: ["other-map"], costTypes: [numerical]),
            Resource("costs-on-other", CostMap, uses: ["other-map"], costTypes: [numerical]),
            Resource("costs-on-main", CostMap, uses: ["main-map"], costTypes: [numerical]),
            Resource("filtered-network-on-other", NetworkMap, "application/alto-networkmapfilter+json", uses: ["other-map"]),
        ], "main-map");

        Assert.Equal("costs-on-main", directory.FindCostMap(numerical)?.Id);
        Assert.Equal("filtered-on-other", directory.FindFilteredCostMap(numerical)?.Id);
        Assert.Equal("filtered-network-on-other", directory.FindFilteredNetworkMap()?.Id);
        Assert.Equal("other-map", directory.FindNetworkMap()?.Id); // no "main-map" listed: the first network map
        Assert.Null(directory.FindEndpointCost(numerical));
    }

    [Fact]
    public void Unusable_entries_are_skipped_and_reported()
    {
        var closure = new DirectoryClosure(Ird);
        var ird = new InformationResourceDirectory
        {
            Meta = new ResponseMeta { CostTypes = new() { ["num"] = new CostType("numerical", "routingcost") } },
            Resources = new()
            {
                ["ftp-map"] = new ResourceEntry { Uri = "ftp://alto.example/map", MediaType = "application/alto-networkmap+json" },
                ["costs"] = new ResourceEntry
                {
                    Uri = "https://alto.example/costs",
                    MediaType = "application/alto-costmap+json",
                    Capabilities = new ResourceCapabilities { CostTypeNames = ["num", "hops"] },
                },
            },
        };

        closure.Add(Ird, ird);
        closure.Add(new Uri("http://alto.example/other-ird"), new InformationResourceDirectory
        {
            Resources = new() { ["costs"] = new ResourceEntry { Uri = "/again", MediaType = "application/alto-costmap+json" } },
        });

        var costs = Assert.Single(closure.Resources);
        Assert.Equal(("costs", new Uri("https://alto.example/costs")), (costs.Id, costs.Uri));
        Assert.Equal([new CostType("numerical", "routingcost")], costs.CostTypes);
        Assert.Equal(
            [
                new AltoTolerance(AltoToleranceKind.InconsistentDirectory, "http://alto.example/ird lists resource 'ftp-map' at 'ftp://alto.example/map', not a usable http(s) URI; skipped"),
                new AltoTolerance(AltoToleranceKind.InconsistentDirectory, "http://alto.example/ird gives resource 'costs' cost-type name 'hops', not defined in its meta.cost-types; ignored"),
                new AltoTolerance(AltoToleranceKind.InconsistentDirectory, "http://alto.example/other-ird lists resource 'costs' again; ids are unique in the closure (RFC 7285 §9.1.1): the first kept"),
            ],
            closure.Tolerances);
    }
}

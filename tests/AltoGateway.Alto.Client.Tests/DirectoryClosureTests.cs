using AltoGateway.Alto.Costs;
using AltoGateway.Tests.SharedAlto;

namespace AltoGateway.Alto.Client.Tests;

/// <summary>IRD closures (RFC 7285 §9) read from the fake upstream over loopback HTTP.</summary>
public sealed class DirectoryClosureTests
{
    private static readonly CostType NumericalRoutingCost = new("numerical", "routingcost");
    private static readonly CostType OrdinalRoutingCost = new("ordinal", "routingcost");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_absolute_directory_lists_every_resource_as_served()
    {
        await using var fake = await FakeUpstreamClient.StartAsync();

        var result = await fake.Client.GetDirectoryAsync(fake.Upstream.DirectoryUri, Ct);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Tolerances);
        var directory = result.Value;
        Assert.Equal(fake.Upstream.DirectoryUri, directory.Uri);
        Assert.Equal("fake-network-map", directory.DefaultNetworkMapId);
        Assert.Equal(
            ["fake-network-map", "costmap-num-routingcost", "costmap-ord-routingcost", "endpoint-property", "endpoint-cost"],
            directory.Resources.Select(r => r.Id));
        Assert.Equal(
            ["/networkmap", "/costmap/num-routingcost", "/costmap/ord-routingcost", "/endpointprop", "/endpointcost"],
            directory.Resources.Select(r => r.Uri.AbsolutePath));
        Assert.All(directory.Resources, r => Assert.Equal(fake.Upstream.DirectoryUri, r.Directory));
        var ecs = directory.Resources[4];
        Assert.Equal("application/alto-endpointcost+json", ecs.MediaType);
        Assert.Equal("application/alto-endpointcostparams+json", ecs.Accepts);
        Assert.Equal([NumericalRoutingCost, OrdinalRoutingCost], ecs.CostTypes);
        Assert.Equal("rank of the routing cost", ecs.CostTypes[1].Description);
        Assert.False(ecs.CostConstraints);
        Assert.Empty(ecs.Uses);
        var eps = directory.Resources[3];
        Assert.Equal(["pid", "fake-network-map.pid"], eps.PropertyTypes);
        Assert.Equal(["fake-network-map"], eps.Uses);
    }

    [Fact]
    public async Task Relative_uris_resolve_against_the_directory_that_lists_them_and_a_delegated_sub_directory_joins_the_closure()
    {
        await using var fake = await FakeUpstreamClient.StartAsync(new FakeUpstreamBehaviour { RelativeUris = true, DelegateEndpointCostToSubDirectory = true });
        var b = fake.Base;

        var result = await fake.Client.GetDirectoryAsync(fake.Upstream.DirectoryUri, Ct);

        Assert.True(result.IsSuccess);
        var directory = result.Value;
        Assert.Equal(
            ["fake-network-map", "costmap-num-routingcost", "costmap-ord-routingcost", "endpoint-property", "sub-directory", "sub-endpoint-cost"],
            directory.Resources.Select(r => r.Id));
        var ecs = directory.FindEndpointCost(OrdinalRoutingCost);
        Assert.NotNull(ecs);
        Assert.Equal("sub-endpoint-cost", ecs.Id);
        Assert.Equal(new Uri($"{b}/sub/endpointcost"), ecs.Uri);
        Assert.Equal(new Uri($"{b}/sub/directory"), ecs.Directory);
        Assert.Equal([NumericalRoutingCost, OrdinalRoutingCost], ecs.CostTypes); // "sub-num", "sub-ord" of the sub-IRD's own meta
        Assert.Equal(
            [
                new AltoTolerance(AltoToleranceKind.RelativeUri,
                    $"{b}/directory lists relative URIs, resolved against it (RFC 3986 §5): "
                    + $"fake-network-map networkmap → {b}/networkmap, costmap-num-routingcost costmap/num-routingcost → {b}/costmap/num-routingcost, "
                    + $"costmap-ord-routingcost costmap/ord-routingcost → {b}/costmap/ord-routingcost, endpoint-property endpointprop → {b}/endpointprop, "
                    + $"sub-directory sub/directory → {b}/sub/directory"),
                new AltoTolerance(AltoToleranceKind.RelativeUri,
                    $"{b}/sub/directory lists relative URIs, resolved against it (RFC 3986 §5): sub-endpoint-cost endpointcost → {b}/sub/endpointcost"),
            ],
            result.Tolerances);

        var answer = await fake.Client.EndpointCostAsync(ecs, EndpointCostTests.Request("ordinal", ["ipv4:192.0.2.10"], ["ipv4:198.51.100.7"]), Ct);
        Assert.True(answer.IsSuccess);
        Assert.Equal(2, answer.Value.EndpointCostMap["ipv4:192.0.2.10"]["ipv4:198.51.100.7"]);
        Assert.Equal("/sub/endpointcost", fake.Upstream.Requests[^1].Path);
    }

    [Fact]
    public async Task A_sub_directory_that_points_back_to_the_root_is_read_once()
    {
        await using var fake = await FakeUpstreamClient.StartAsync(
            new FakeUpstreamBehaviour { DelegateEndpointCostToSubDirectory = true, SubDirectoryLinksBackToRoot = true });
        var b = fake.Base;

        var result = await fake.Client.GetDirectoryAsync(fake.Upstream.DirectoryUri, Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(["/directory", "/sub/directory"], fake.Upstream.Requests.Select(r => r.Path));
        Assert.Equal(
            [new AltoTolerance(AltoToleranceKind.DirectoryLoop, $"{b}/sub/directory delegates 'back-to-root' to {b}/directory, an IRD already read; not read again")],
            result.Tolerances);
        Assert.Equal("back-to-root", result.Value.Resources[^1].Id);
        Assert.NotNull(result.Value.FindEndpointCost(NumericalRoutingCost));
    }

    [Fact]
    public async Task A_failing_sub_directory_is_a_tolerance_and_its_resources_are_missing()
    {
        await using var fake = await FakeUpstreamClient.StartAsync(
            new FakeUpstreamBehaviour { DelegateEndpointCostToSubDirectory = true, SubDirectoryStatus = 502 });
        var b = fake.Base;

        var result = await fake.Client.GetDirectoryAsync(fake.Upstream.DirectoryUri, Ct);

        Assert.True(result.IsSuccess);
        Assert.Null(result.Value.FindEndpointCost(NumericalRoutingCost));
        Assert.NotNull(result.Value.FindNetworkMap());
        Assert.Equal(
            [
                new AltoTolerance(AltoToleranceKind.SubDirectoryFailed,
                    $"{b}/directory delegates 'sub-directory' to {b}/sub/directory, which failed: HttpStatus: "
                    + $"GET {b}/sub/directory: HTTP 502 Bad Gateway, text/plain body \"sub-directory unavailable\""),
            ],
            result.Tolerances);
    }

    [Fact]
    public async Task Sub_directories_deeper_than_the_limit_are_not_read()
    {
        await using var fake = await FakeUpstreamClient.StartAsync(
            new FakeUpstreamBehaviour { DelegateEndpointCostToSubDirectory = true }, new AltoClientOptions { MaxDirectoryDepth = 0 });
        var b = fake.Base;

        var result = await fake.Client.GetDirectoryAsync(fake.Upstream.DirectoryUri, Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(["/directory"], fake.Upstream.Requests.Select(r => r.Path));
        Assert.Equal(
            [new AltoTolerance(AltoToleranceKind.SubDirectoryFailed, $"{b}/directory delegates 'sub-directory' to {b}/sub/directory, deeper than 0 levels of sub-IRDs; not read")],
            result.Tolerances);
    }

    [Fact]
    public async Task The_directory_is_asked_for_with_its_media_type_and_the_error_type()
    {
        await using var fake = await FakeUpstreamClient.StartAsync();

        await fake.DirectoryAsync();

        var request = Assert.Single(fake.Upstream.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("application/alto-directory+json,application/alto-error+json", request.Accept);
        Assert.Null(request.ContentType);
    }

    [Fact]
    public async Task Finders_pick_resources_by_media_type_cost_type_and_property()
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var directory = await fake.DirectoryAsync();

        Assert.Equal("endpoint-cost", directory.FindEndpointCost(new CostType("numerical", "routingcost", "any description"))?.Id);
        Assert.Null(directory.FindEndpointCost(new CostType("numerical", "hopcount")));
        Assert.Equal("endpoint-property", directory.FindEndpointProperty("pid")?.Id);
        Assert.Equal("endpoint-property", directory.FindEndpointProperty("fake-network-map.pid")?.Id);
        Assert.Null(directory.FindEndpointProperty("other-map.pid"));
        Assert.Null(directory.FindEndpointProperty("priv:colour"));
        Assert.Equal("fake-network-map", directory.FindNetworkMap()?.Id);
        Assert.Equal("fake-network-map", directory.FindNetworkMap("fake-network-map")?.Id);
        Assert.Null(directory.FindNetworkMap("endpoint-cost"));
        Assert.Equal("costmap-ord-routingcost", directory.FindCostMap(OrdinalRoutingCost)?.Id);
        Assert.Equal("costmap-num-routingcost", directory.FindCostMap(NumericalRoutingCost)?.Id);
        Assert.Null(directory.FindFilteredCostMap(NumericalRoutingCost));
        Assert.Null(directory.FindFilteredNetworkMap());
    }
}

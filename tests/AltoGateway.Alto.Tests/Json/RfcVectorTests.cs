using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.NetworkMaps;
using AltoGateway.Alto.Tests.Vectors;
using static AltoGateway.Alto.Tests.Vectors.JsonAssert;

namespace AltoGateway.Alto.Tests.Json;

public class RfcVectorTests
{
    [Fact]
    public void The_ird_of_section_9_2_3_reads_and_round_trips()
    {
        Assert.True(AltoJsonReader.TryReadDirectory(Utf8(Rfc7285Examples.Directory), out var ird, out var error), error?.ToString());
        Assert.Equal("my-default-network-map", ird!.Meta!.DefaultAltoNetworkMap);
        Assert.Equal(new CostType(CostMode.Ordinal, CostMetric.HopCount), ird.Meta.CostTypes!["ord-hop"]);
        Assert.Equal("My default", ird.Meta.CostTypes["num-routing"].Description);
        var ecs = ird.Resources["endpoint-cost"];
        Assert.Equal("application/alto-endpointcostparams+json", ecs.Accepts);
        Assert.True(ecs.Capabilities!.CostConstraints);
        Assert.Equal(["num-routing", "num-hop", "ord-routing", "ord-hop"], ecs.Capabilities.CostTypeNames!);
        Assert.Equal(["my-default-network-map.pid", "priv:ietf-example-prop"], ird.Resources["endpoint-property"].Capabilities!.PropTypes!);
        Assert.Equal(["my-default-network-map"], ird.Resources["numerical-routing-cost-map"].Uses!);
        Assert.Null(ird.Resources["my-default-network-map"].Accepts); // GET

        Same(Rfc7285Examples.Directory, AltoJsonWriter.Write(ird));
    }

    [Fact]
    public void The_printed_ird_with_its_stray_comma_is_a_syntax_error()
    {
        var printed = Rfc7285Examples.Directory.Replace(
            "\"priv:ietf-example-prop\" ]\n        }\n     },", "\"priv:ietf-example-prop\" ]\n        },\n     },", StringComparison.Ordinal);
        Assert.NotEqual(Rfc7285Examples.Directory, printed);
        Assert.False(AltoJsonReader.TryReadDirectory(Utf8(printed), out _, out var error));
        Assert.Equal("E_SYNTAX", error!.Code);
    }

    [Fact]
    public void The_network_map_of_section_11_2_1_7_round_trips()
    {
        Assert.True(AltoJsonReader.TryReadNetworkMap(Utf8(Rfc7285Examples.NetworkMap), out var map, out var error), error?.ToString());
        Assert.Equal("da65eca2eb7a10ce8b059740b0b2e3f8eb1d4785", map!.Meta.Vtag!.Tag);
        Assert.Equal(["192.0.2.0/24", "198.51.100.0/25"], map.NetworkMap["PID1"]["ipv4"]);
        Same(Rfc7285Examples.NetworkMap, AltoJsonWriter.Write(map));
    }

    [Fact]
    public void The_cost_map_of_section_11_2_3_7_round_trips()
    {
        Assert.True(AltoJsonReader.TryReadCostMap(Utf8(Rfc7285Examples.CostMap), out var map, out var error), error?.ToString());
        Assert.Equal(new CostType(CostMode.Numerical, CostMetric.RoutingCost), map!.Meta.CostType);
        Assert.Equal(20, map.CostMap["PID3"]["PID1"]);
        Assert.False(map.CostMap["PID3"].ContainsKey("PID3")); // undefined pairs are omitted
        Same(Rfc7285Examples.CostMap, AltoJsonWriter.Write(map));
    }

    [Fact]
    public void The_filtered_network_map_of_section_11_3_1_7_reads_with_its_prefix_fixed()
    {
        Assert.True(AltoJsonReader.TryReadNetworkMapFilterRequest(Utf8(Rfc7285Examples.FilteredNetworkMapRequest), out var request, out var error), error?.ToString());
        Assert.Equal(["PID1", "PID2"], request!.Pids);
        Assert.Null(request.AddressTypes);

        Assert.True(AltoJsonReader.TryReadNetworkMap(Utf8(Rfc7285Examples.FilteredNetworkMapResponse), out var map, out error), error?.ToString());
        Assert.Equal("c0ce023b8678a7b9ec00324673b98e54656d1f6d", map!.Meta.Vtag!.Tag);
        Assert.Equal(["198.51.100.128/25"], map.NetworkMap["PID2"]["ipv4"]);
        Assert.DoesNotContain(NetworkMapValidator.Validate(map.NetworkMap), p => p.Kind == NetworkMapProblemKind.InvalidPrefix);

        // The printed "198.51.100.128/24" has host bits set: not a prefix (§10.4.4.1).
        var printed = Rfc7285Examples.FilteredNetworkMapResponse.Replace("\"198.51.100.128/25\"", "\"198.51.100.128/24\"", StringComparison.Ordinal);
        Assert.True(AltoJsonReader.TryReadNetworkMap(Utf8(printed), out var printedMap, out _));
        Assert.Contains(new NetworkMapProblem(NetworkMapProblemKind.InvalidPrefix, "PID2", "198.51.100.128/24"), NetworkMapValidator.Validate(printedMap!.NetworkMap));
    }

    [Fact]
    public void The_filtered_cost_map_of_section_11_3_2_7_round_trips()
    {
        Assert.True(AltoJsonReader.TryReadFilteredCostMapRequest(Utf8(Rfc7285Examples.FilteredCostMapRequest), out var request, out var error));
        Assert.Equal(new CostType(CostMode.Numerical, CostMetric.RoutingCost), request!.CostType); // as printed in §11.3.2.7
        Assert.Equal(["PID1"], request.Pids!.Srcs!);
        Same(Rfc7285Examples.FilteredCostMapRequest, AltoJsonWriter.Write(request));

        Assert.True(AltoJsonReader.TryReadCostMap(Utf8(Rfc7285Examples.FilteredCostMapResponse), out var response, out error));
        Assert.Equal(new CostType(CostMode.Numerical, CostMetric.RoutingCost), response!.Meta.CostType);
        Assert.Equal(new Dictionary<string, double> { ["PID1"] = 0, ["PID2"] = 1, ["PID3"] = 2 }, response.CostMap["PID1"]);
        Same(Rfc7285Examples.FilteredCostMapResponse, AltoJsonWriter.Write(response));
    }

    [Fact]
    public void The_eps_example_of_section_11_4_1_7_round_trips()
    {
        Assert.True(AltoJsonReader.TryReadEndpointPropertyRequest(Utf8(Rfc7285Examples.EndpointPropertyRequest), out var request, out var error), error?.ToString());
        Same(Rfc7285Examples.EndpointPropertyRequest, AltoJsonWriter.Write(request!));

        Assert.True(AltoJsonReader.TryReadEndpointPropertyResponse(Utf8(Rfc7285Examples.EndpointPropertyResponse), out var response, out error));
        Assert.Equal("PID3", response!.EndpointProperties["ipv4:203.0.113.129"]["my-default-network-map.pid"]);
        Assert.Equal("1", response.EndpointProperties["ipv4:192.0.2.34"]["priv:ietf-example-prop"]);
        Same(Rfc7285Examples.EndpointPropertyResponse, AltoJsonWriter.Write(response));
    }

    [Fact]
    public void The_ecs_vector_of_section_11_5_1_7_round_trips()
    {
        Assert.True(AltoJsonReader.TryReadEndpointCostRequest(Utf8(Rfc7285Examples.EndpointCostRequest), out var request, out var error), error?.ToString());
        Assert.Equal(new CostType(CostMode.Ordinal, CostMetric.RoutingCost), request!.CostType);
        Assert.Equal(["ipv4:192.0.2.2"], request.Endpoints.Srcs!);
        Assert.Equal(["ipv4:192.0.2.89", "ipv4:198.51.100.34", "ipv4:203.0.113.45"], request.Endpoints.Dsts);
        Same(Rfc7285Examples.EndpointCostRequest, AltoJsonWriter.Write(request));

        Assert.True(AltoJsonReader.TryReadEndpointCostResponse(Utf8(Rfc7285Examples.EndpointCostResponse), out var response, out error));
        Assert.Equal(
            new Dictionary<string, double> { ["ipv4:192.0.2.89"] = 1, ["ipv4:198.51.100.34"] = 2, ["ipv4:203.0.113.45"] = 3 },
            response!.EndpointCostMap["ipv4:192.0.2.2"]);
        Same(Rfc7285Examples.EndpointCostResponse, AltoJsonWriter.Write(response));
    }
}

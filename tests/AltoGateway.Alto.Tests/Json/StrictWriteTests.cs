using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Identifiers;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.Messages;
using AltoGateway.Alto.Tests.Vectors;
using static AltoGateway.Alto.Tests.Vectors.JsonAssert;

namespace AltoGateway.Alto.Tests.Json;

/// <summary>Writing is strict: a message that breaks RFC 7285 is caller misuse and throws.</summary>
public class StrictWriteTests
{
    private static EndpointCostRequest Ecs(List<string>? srcs, List<string> dsts, string mode = CostMode.Ordinal) => new()
    {
        CostType = new CostType(mode, CostMetric.RoutingCost),
        Endpoints = new EndpointFilter { Srcs = srcs, Dsts = dsts },
    };

    [Fact]
    public void An_ecs_request_never_goes_out_with_empty_srcs_or_dsts()
    {
        Assert.Equal(AltoError.InvalidFieldValue("endpoints/srcs"),
            Assert.Throws<AltoValidationException>(() => AltoJsonWriter.Write(Ecs(null, ["ipv4:192.0.2.1"]))).Error);
        Assert.Equal(AltoError.InvalidFieldValue("endpoints/srcs"),
            Assert.Throws<AltoValidationException>(() => AltoJsonWriter.Write(Ecs([], ["ipv4:192.0.2.1"]))).Error);
        Assert.Equal(AltoError.InvalidFieldValue("endpoints/dsts"),
            Assert.Throws<AltoValidationException>(() => AltoJsonWriter.Write(Ecs(["ipv4:192.0.2.1"], []))).Error);
    }

    [Fact]
    public void An_unknown_mode_or_a_bad_address_is_not_written()
    {
        Assert.Equal(AltoError.InvalidFieldValue("cost-type/cost-mode", "array"),
            Assert.Throws<AltoValidationException>(() => AltoJsonWriter.Write(Ecs(["ipv4:192.0.2.1"], ["ipv4:192.0.2.2"], "array"))).Error);
        Assert.Equal(AltoError.InvalidFieldValue("endpoints/dsts", "ipv4:192.0.2.02"),
            Assert.Throws<AltoValidationException>(() => AltoJsonWriter.Write(Ecs(["ipv4:192.0.2.1"], ["ipv4:192.0.2.02"]))).Error);
    }

    [Fact]
    public void Ordinal_costs_must_be_non_negative_integers()
    {
        var response = new EndpointCostResponse
        {
            Meta = new ResponseMeta { CostType = new CostType(CostMode.Ordinal, CostMetric.RoutingCost) },
            EndpointCostMap = new() { ["ipv4:192.0.2.2"] = new() { ["ipv4:192.0.2.89"] = 1.5 } },
        };
        Assert.Equal(AltoError.InvalidFieldValue("endpoint-cost-map/ipv4:192.0.2.2/ipv4:192.0.2.89", "1.5"),
            Assert.Throws<AltoValidationException>(() => AltoJsonWriter.Write(response)).Error);

        response.Meta.CostType = new CostType(CostMode.Numerical, CostMetric.RoutingCost);
        Same("""{"meta":{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"}},"endpoint-cost-map":{"ipv4:192.0.2.2":{"ipv4:192.0.2.89":1.5}}}""",
            AltoJsonWriter.Write(response));
    }

    [Fact]
    public void A_network_map_must_be_valid_and_versioned()
    {
        Assert.True(AltoJsonReader.TryReadNetworkMap(Utf8(Rfc7285Examples.NetworkMap), out var map, out _));
        map!.Meta.Vtag = null;
        Assert.Equal(AltoError.MissingField("meta/vtag"), Assert.Throws<AltoValidationException>(() => AltoJsonWriter.Write(map)).Error);

        map.Meta.Vtag = new VersionTag("my-default-network-map", "2");
        map.NetworkMap["PID3"].Remove("ipv6");
        Assert.Equal(AltoError.InvalidFieldValue("network-map", "::/0"), Assert.Throws<AltoValidationException>(() => AltoJsonWriter.Write(map)).Error);
    }

    [Fact]
    public void A_cost_map_has_exactly_one_dependent_vtag_and_an_ird_only_defined_cost_type_names()
    {
        Assert.True(AltoJsonReader.TryReadCostMap(Utf8(Rfc7285Examples.CostMap), out var map, out _));
        map!.Meta.DependentVtags!.Add(new VersionTag("other", "1"));
        Assert.Equal(AltoError.InvalidFieldValue("meta/dependent-vtags"), Assert.Throws<AltoValidationException>(() => AltoJsonWriter.Write(map)).Error);

        Assert.True(AltoJsonReader.TryReadDirectory(Utf8(Rfc7285Examples.Directory), out var ird, out _));
        ird!.Resources["endpoint-cost"].Capabilities!.CostTypeNames!.Add("nope");
        Assert.Equal(AltoError.InvalidFieldValue("resources/endpoint-cost/capabilities/cost-type-names", "nope"),
            Assert.Throws<AltoValidationException>(() => AltoJsonWriter.Write(ird)).Error);
    }
}

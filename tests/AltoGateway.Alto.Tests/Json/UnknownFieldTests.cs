using AltoGateway.Alto.Json;
using AltoGateway.Alto.Tests.Vectors;
using static AltoGateway.Alto.Tests.Vectors.JsonAssert;

namespace AltoGateway.Alto.Tests.Json;

/// <summary>RFC 7285 §8.3.7: unknown fields are ignored, so a re-serialising proxy must keep them.</summary>
public class UnknownFieldTests
{
    [Fact]
    public void Unknown_fields_at_every_level_of_an_ecs_request_survive_a_read_modify_write()
    {
        const string request = """
            {
              "cost-type": {"cost-mode":"ordinal","cost-metric":"routingcost","x-weight":{"a":[1,2]}},
              "endpoints": {"srcs":["ipv4:192.0.2.2"],"dsts":["ipv4:192.0.2.89"],"x-peer-ids":["p1"]},
              "x-extension": {"nested":true,"list":[null,"s",1.5]},
              "x-count": 3
            }
            """;
        Assert.True(AltoJsonReader.TryReadEndpointCostRequest(Utf8(request), out var message, out _));

        message!.Endpoints.Srcs = ["ipv4:198.51.100.1"];
        var written = AltoJsonWriter.Write(message);

        Same(request.Replace("ipv4:192.0.2.2", "ipv4:198.51.100.1", StringComparison.Ordinal), written);
    }

    [Fact]
    public void Unknown_fields_of_the_ird_survive_including_extension_capabilities()
    {
        var ird = Rfc7285Examples.Directory
            .Replace("\"cost-constraints\" : true,", "\"cost-constraints\" : true, \"testable-cost-types-names\": [\"num-routing\"],", StringComparison.Ordinal)
            .Replace("\"default-alto-network-map\"", "\"x-meta\": 1, \"default-alto-network-map\"", StringComparison.Ordinal)
            .Replace("\"uri\" : \"http://alto.example.com/networkmap\",", "\"uri\" : \"/networkmap\", \"x-entry\": {},", StringComparison.Ordinal);
        Assert.True(AltoJsonReader.TryReadDirectory(Utf8(ird), out var directory, out var error), error?.ToString());
        Assert.Equal("/networkmap", directory!.Resources["my-default-network-map"].Uri);
        Same(ird, AltoJsonWriter.Write(directory));
    }

    [Fact]
    public void Kept_fields_outlive_the_buffer_they_were_read_from()
    {
        var buffer = Utf8("""{"properties":["pid"],"endpoints":["ipv4:192.0.2.34"],"x":{"y":"z"}}""").ToArray();
        Assert.True(AltoJsonReader.TryReadEndpointPropertyRequest(buffer, out var message, out _));
        Array.Clear(buffer);

        Assert.Equal("z", message!.ExtensionData!["x"].GetProperty("y").GetString());
        Same("""{"properties":["pid"],"endpoints":["ipv4:192.0.2.34"],"x":{"y":"z"}}""", AltoJsonWriter.Write(message));
    }

    [Fact]
    public void Unknown_address_types_of_a_network_map_are_kept()
    {
        var json = Rfc7285Examples.NetworkMap.Replace("\"PID2\" : {", "\"PID2\" : { \"mac\": [\"00:00:5e:00:53:01\"],", StringComparison.Ordinal);
        Assert.True(AltoJsonReader.TryReadNetworkMap(Utf8(json), out var map, out _));
        Assert.Equal(["00:00:5e:00:53:01"], map!.NetworkMap["PID2"]["mac"]);
        Same(json, AltoJsonWriter.Write(map));
    }
}

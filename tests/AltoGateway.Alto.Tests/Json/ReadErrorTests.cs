using System.Text;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Json;
using static AltoGateway.Alto.Tests.Vectors.JsonAssert;

namespace AltoGateway.Alto.Tests.Json;

/// <summary>Every error path of the readers, each with the exact error body it produces (§8.5).</summary>
public class ReadErrorTests
{
    private const string CostType = """ "cost-type":{"cost-mode":"ordinal","cost-metric":"routingcost"} """;

    private static readonly CostType[] Supported =
    [
        new(CostMode.Numerical, CostMetric.RoutingCost),
        new(CostMode.Ordinal, CostMetric.RoutingCost),
    ];

    public static TheoryData<string, string> EndpointCostCases => new()
    {
        // missing fields, with their paths
        { "{" + CostType + "}", """{"meta":{"code":"E_MISSING_FIELD","field":"endpoints"}}""" },
        { """{"endpoints":{"dsts":["ipv4:192.0.2.2"]}}""", """{"meta":{"code":"E_MISSING_FIELD","field":"cost-type"}}""" },
        { """{"cost-type":{"cost-mode":"ordinal"},"endpoints":{"dsts":["ipv4:192.0.2.2"]}}""", """{"meta":{"code":"E_MISSING_FIELD","field":"cost-type/cost-metric"}}""" },

        // wrong types
        { "{" + CostType + """, "endpoints":{"srcs":"ipv4:192.0.2.2","dsts":[]}}""", """{"meta":{"code":"E_INVALID_FIELD_TYPE","field":"endpoints/srcs","value":"ipv4:192.0.2.2"}}""" },
        { "{" + CostType + """, "endpoints":{"dsts":["ipv4:192.0.2.2", 7]}}""", """{"meta":{"code":"E_INVALID_FIELD_TYPE","field":"endpoints/dsts","value":"7"}}""" },
        { """{"cost-type":{"cost-mode":1,"cost-metric":"routingcost"},"endpoints":{"dsts":["ipv4:192.0.2.2"]}}""", """{"meta":{"code":"E_INVALID_FIELD_TYPE","field":"cost-type/cost-mode","value":"1"}}""" },
        { "{" + CostType + """, "endpoints":[]}""", """{"meta":{"code":"E_INVALID_FIELD_TYPE","field":"endpoints"}}""" },
        { "{" + CostType + """, "constraints":"le 5", "endpoints":{"dsts":["ipv4:192.0.2.2"]}}""", """{"meta":{"code":"E_INVALID_FIELD_TYPE","field":"constraints","value":"le 5"}}""" },

        // bad values: an array element counts as the array's value
        { "{" + CostType + """, "endpoints":{"srcs":["ipv4:1.2.3"],"dsts":["ipv4:192.0.2.2"]}}""", """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"endpoints/srcs","value":"ipv4:1.2.3"}}""" },
        { "{" + CostType + """, "endpoints":{"dsts":["ipv4:192.0.2.2","ipx:1"]}}""", """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"endpoints/dsts","value":"ipx:1"}}""" },
        // §11.5.1.3: either list may be empty (the client's own address), not both
        { "{" + CostType + """, "endpoints":{"dsts":[]}}""", """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"endpoints"}}""" },
        { "{" + CostType + """, "endpoints":{"srcs":[],"dsts":[]}}""", """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"endpoints"}}""" },
        { "{" + CostType + """, "endpoints":{}}""", """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"endpoints"}}""" },
        { "{" + CostType + """, "constraints":["le 5","about 3"], "endpoints":{"dsts":["ipv4:192.0.2.2"]}}""", """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"constraints","value":"about 3"}}""" },
        { """{"cost-type":{"cost-mode":"ordinal","cost-metric":"bad metric"},"endpoints":{"dsts":["ipv4:192.0.2.2"]}}""", """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"cost-type/cost-metric","value":"bad metric"}}""" },

        // unknown cost types, against the supported ones
        { """{"cost-type":{"cost-mode":"ordinal","cost-metric":"hopcount"},"endpoints":{"dsts":["ipv4:192.0.2.2"]}}""", """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"cost-type/cost-metric","value":"hopcount"}}""" },
        { """{"cost-type":{"cost-mode":"array","cost-metric":"routingcost"},"endpoints":{"dsts":["ipv4:192.0.2.2"]}}""", """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"cost-type/cost-mode","value":"array"}}""" },
    };

    [Theory]
    [MemberData(nameof(EndpointCostCases))]
    public void Ecs_requests_fail_with_the_exact_error_body(string request, string body)
    {
        Assert.False(AltoJsonReader.TryReadEndpointCostRequest(Utf8(request), out var message, out var error, Supported));
        Assert.Null(message);
        Assert.Equal(body, Encoding.UTF8.GetString(AltoJsonWriter.Write(error!)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"cost-type\":}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{} {}")]
    [InlineData("/* comment */ {}")]
    [InlineData("<html>Bad Gateway</html>")]
    public void Malformed_json_is_E_SYNTAX_with_the_parser_message(string request)
    {
        Assert.False(AltoJsonReader.TryReadEndpointCostRequest(Utf8(request), out _, out var error));
        Assert.Equal(AltoErrorCodes.Syntax, error!.Code);
        Assert.Null(error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.SyntaxError));
        Assert.Equal(
            """{"meta":{"code":"E_SYNTAX","syntax-error":""" + System.Text.Json.JsonSerializer.Serialize(error.SyntaxError, AltoJsonTestContext.Default.String) + "}}",
            Encoding.UTF8.GetString(AltoJsonWriter.Write(error)));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void A_body_that_is_not_an_object_is_E_SYNTAX(string request)
    {
        Assert.False(AltoJsonReader.TryReadEndpointCostRequest(Utf8(request), out _, out var error));
        Assert.Equal(AltoErrorCodes.Syntax, error!.Code);
    }

    [Fact]
    public void Without_supported_cost_types_unknown_modes_and_metrics_are_tolerated()
    {
        var request = """{"cost-type":{"cost-mode":"array","cost-metric":"priv:latency"},"endpoints":{"dsts":["ipv4:192.0.2.2"]}}""";
        Assert.True(AltoJsonReader.TryReadEndpointCostRequest(Utf8(request), out var message, out _));
        Assert.Equal("array", message!.CostType.CostMode);
        Assert.Null(message.Endpoints.Srcs); // §11.5.1.3: srcs is optional, the server substitutes the client
    }

    public static TheoryData<string, string> EndpointPropertyCases => new()
    {
        { """{"endpoints":["ipv4:192.0.2.34"]}""", """{"meta":{"code":"E_MISSING_FIELD","field":"properties"}}""" },
        { """{"properties":["pid"]}""", """{"meta":{"code":"E_MISSING_FIELD","field":"endpoints"}}""" },
        { """{"properties":"pid","endpoints":["ipv4:192.0.2.34"]}""", """{"meta":{"code":"E_INVALID_FIELD_TYPE","field":"properties","value":"pid"}}""" },
        { """{"properties":["a.b.c"],"endpoints":["ipv4:192.0.2.34"]}""", """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"properties","value":"a.b.c"}}""" },
        { """{"properties":["pid"],"endpoints":["ipv4:192.0.2.034"]}""", """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"endpoints","value":"ipv4:192.0.2.034"}}""" },
        { """{"properties":[],"endpoints":["ipv4:192.0.2.34"]}""", """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"properties"}}""" },
    };

    [Theory]
    [MemberData(nameof(EndpointPropertyCases))]
    public void Eps_requests_fail_with_the_exact_error_body(string request, string body)
    {
        Assert.False(AltoJsonReader.TryReadEndpointPropertyRequest(Utf8(request), out _, out var error));
        Assert.Equal(body, Encoding.UTF8.GetString(AltoJsonWriter.Write(error!)));
    }

    public static TheoryData<string, string> FilteredCostMapCases => new()
    {
        { """{"pids":{}}""", """{"meta":{"code":"E_MISSING_FIELD","field":"cost-type"}}""" },
        { "{" + CostType + """, "pids":{"srcs":[1]}}""", """{"meta":{"code":"E_INVALID_FIELD_TYPE","field":"pids/srcs","value":"1"}}""" },
        { "{" + CostType + """, "constraints":["le"]}""", """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"constraints","value":"le"}}""" },
        { """{"cost-type":{"cost-mode":"numerical","cost-metric":"hopcount"}}""", """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"cost-type/cost-metric","value":"hopcount"}}""" },
    };

    [Theory]
    [MemberData(nameof(FilteredCostMapCases))]
    public void Filtered_cost_map_requests_fail_with_the_exact_error_body(string request, string body)
    {
        Assert.False(AltoJsonReader.TryReadFilteredCostMapRequest(Utf8(request), out _, out var error, Supported));
        Assert.Equal(body, Encoding.UTF8.GetString(AltoJsonWriter.Write(error!)));
    }

    [Fact]
    public void Responses_name_the_missing_or_mistyped_field()
    {
        Assert.False(AltoJsonReader.TryReadCostMap(Utf8("""{"meta":{}}"""), out _, out var error));
        Assert.Equal(AltoError.MissingField("cost-map"), error);
        Assert.False(AltoJsonReader.TryReadCostMap(Utf8("""{"meta":{},"cost-map":{"PID1":{"PID2":"5"}}}"""), out _, out error));
        Assert.Equal(AltoError.InvalidFieldType("cost-map/PID1/PID2", "5"), error);
        Assert.False(AltoJsonReader.TryReadNetworkMap(Utf8("""{"meta":{"vtag":{"tag":"1"}},"network-map":{}}"""), out _, out error));
        Assert.Equal(AltoError.MissingField("meta/vtag/resource-id"), error);
        Assert.False(AltoJsonReader.TryReadDirectory(Utf8("""{"resources":{"x":{"uri":"/x"}}}"""), out _, out error));
        Assert.Equal(AltoError.MissingField("resources/x/media-type"), error);
        Assert.False(AltoJsonReader.TryReadEndpointCostResponse(Utf8("""{"meta":{},"endpoint-cost-map":{"ipv4:1.2.3.4":{"ipv4:1.2.3.5":1e999}}}"""), out _, out error));
        Assert.Equal(AltoErrorCodes.InvalidFieldValue, error!.Code);
    }
}

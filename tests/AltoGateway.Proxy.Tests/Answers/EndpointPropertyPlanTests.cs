using System.Text;
using System.Text.Json;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Identifiers;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Answers;
using AltoGateway.Proxy.Placement;
using AltoGateway.Proxy.Upstreams;
using static AltoGateway.Proxy.Tests.Answers.Placements;

namespace AltoGateway.Proxy.Tests.Answers;

public class EndpointPropertyPlanTests
{
    private const string Pid = "my-default-network-map.pid";
    private const string Upstream = "built-in";

    [Fact]
    public void Names_that_place_at_one_address_are_asked_once_and_each_gets_the_properties()
    {
        var plan = EndpointPropertyPlan.Create(Request(),
            [At("altogwpeer:AAAA", "ipv4:100.64.0.10"), At("altogwipv4port:203.0.113.5:6881/tcp", "ipv4:100.64.0.10"), At("ipv6:2001:DB8::1")]);

        Assert.Equal(["ipv4:100.64.0.10", "ipv6:2001:db8::1"], plan.UpstreamRequest!.Endpoints);
        Assert.Equal([Pid, "priv:region"], plan.UpstreamRequest.Properties);

        var answer = plan.Assemble(Answer(("ipv4:100.64.0.10", "pid-subscribers"), ("ipv6:2001:db8::1", "pid-v6")), Upstream, []);

        Assert.Equal(["altogwpeer:AAAA", "altogwipv4port:203.0.113.5:6881/tcp", "ipv6:2001:DB8::1"], answer.EndpointProperties.Keys);
        Assert.Equal("pid-subscribers", answer.EndpointProperties["altogwpeer:AAAA"][Pid]);
        Assert.Equal("pid-subscribers", answer.EndpointProperties["altogwipv4port:203.0.113.5:6881/tcp"][Pid]);
        Assert.Equal("pid-v6", answer.EndpointProperties["ipv6:2001:DB8::1"][Pid]);
        Assert.NotSame(answer.EndpointProperties["altogwpeer:AAAA"], answer.EndpointProperties["altogwipv4port:203.0.113.5:6881/tcp"]);
        Assert.Equal("\"built-in\"", Field(answer.Meta, ProxyReport.UpstreamField));
    }

    [Fact]
    public void An_upstream_that_keys_its_answer_non_canonically_is_still_understood()
    {
        var plan = EndpointPropertyPlan.Create(Request(), [At("ipv6:2001:db8::1")]);

        var answer = plan.Assemble(Answer(("ipv6:2001:0DB8:0::1", "pid1"), ("not an address", "pid9")), Upstream, []);

        Assert.Equal("pid1", Assert.Single(answer.EndpointProperties, e => e.Key == "ipv6:2001:db8::1").Value[Pid]);
        Assert.Null(Field(answer.Meta, ProxyReport.UnresolvedField));
    }

    [Fact]
    public void Unplaced_endpoints_and_those_the_upstream_left_out_are_reported()
    {
        var plan = EndpointPropertyPlan.Create(Request(),
            [At("ipv4:198.18.0.1"), Not("altogwpeer:gone", UnresolvedReason.PeerIdUnknown), At("altogwipv4port:198.18.0.9:1", "ipv4:198.18.0.9")]);

        var answer = plan.Assemble(Answer(("ipv4:198.18.0.1", "pid2")), Upstream, []);

        Assert.Equal(["ipv4:198.18.0.1"], answer.EndpointProperties.Keys);
        Assert.Equal(
            new Dictionary<string, string> { ["altogwpeer:gone"] = "peer-id-unknown", ["altogwipv4port:198.18.0.9:1"] = "upstream-no-answer" },
            UnresolvedCodes(answer.Meta));
    }

    [Fact]
    public void When_no_endpoint_is_placed_nobody_is_asked_and_the_upstream_is_none()
    {
        var plan = EndpointPropertyPlan.Create(Request(), [Not("altogwpeer:off", UnresolvedReason.PeerIdsOff)]);

        Assert.Null(plan.UpstreamRequest);
        var answer = plan.Assemble(null, UpstreamNames.None, []);

        Assert.Equal(
            """{"meta":{"altogw-upstream":"none","altogw-unresolved":{"altogwpeer:off":{"reason":"peer-ids-off","explanation":"this gateway issues no peer IDs"}}},"endpoint-properties":{}}""",
            Encoding.UTF8.GetString(AltoJsonWriter.Write(answer, EndpointNameGrammar.Gateway)));
    }

    [Fact]
    public void Unknown_fields_and_dependent_vtags_travel_and_approximations_are_noted()
    {
        var request = Request();
        request.ExtensionData = new Dictionary<string, JsonElement> { ["priv:hint"] = Json("7") };
        var plan = EndpointPropertyPlan.Create(request, [At("ipv4:192.0.2.1", approximation: "shared")]);

        Assert.Equal("7", plan.UpstreamRequest!.ExtensionData!["priv:hint"].GetRawText());

        var upstream = Answer(("ipv4:192.0.2.1", "pid3"));
        upstream.Meta.DependentVtags = [new VersionTag("my-default-network-map", "3ee2cb7e8d63d9fab71b9b34cbf76443")];
        upstream.Meta.ExtensionData = new Dictionary<string, JsonElement> { ["priv:note"] = Json("\"x\"") };
        upstream.ExtensionData = new Dictionary<string, JsonElement> { ["priv:top"] = Json("null") };
        var answer = plan.Assemble(upstream, "https://alto.example.net/ird", ["status: 203"]);

        Assert.Equal("my-default-network-map", Assert.Single(answer.Meta.DependentVtags!).ResourceId);
        Assert.Equal("\"x\"", Field(answer.Meta, "priv:note"));
        Assert.Equal("null", answer.ExtensionData!["priv:top"].GetRawText());
        Assert.Equal("""{"ipv4:192.0.2.1":"shared"}""", Field(answer.Meta, ProxyReport.ApproximateField));
        Assert.Equal("""["status: 203"]""", Field(answer.Meta, ProxyReport.ToleratedField));
        Assert.Equal("\"https://alto.example.net/ird\"", Field(answer.Meta, ProxyReport.UpstreamField));
    }

    private static EndpointPropertyRequest Request() => new() { Properties = [Pid, "priv:region"], Endpoints = ["ipv4:192.0.2.1"] };

    private static EndpointPropertyResponse Answer(params (string Endpoint, string Pid)[] pids)
    {
        var response = new EndpointPropertyResponse();
        foreach (var (endpoint, pid) in pids)
        {
            response.EndpointProperties[endpoint] = new() { [Pid] = pid };
        }

        return response;
    }
}

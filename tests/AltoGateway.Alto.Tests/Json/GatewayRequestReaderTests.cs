using System.Text;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Json;

namespace AltoGateway.Alto.Tests.Json;

/// <summary>
/// The proxy's reader answers every request exactly as <see cref="AltoJsonReader"/> does with the
/// gateway grammar (same error, same order), and hands back the names it parsed.
/// </summary>
public class GatewayRequestReaderTests
{
    public static TheoryData<string> CostRequests()
    {
        var data = new TheoryData<string>();
        foreach (var row in ReadErrorTests.EndpointCostCases)
        {
            data.Add(row.Data.Item1);
        }

        data.Add("""{"cost-type":{"cost-mode":"ordinal","cost-metric":"routingcost"},"endpoints":{"srcs":["altogwpeer:1Ab-_","ipv6:2001:DB8::1"],"dsts":["altogwipv4port:203.0.113.5:6881/udp","ipv4:192.0.2.1"]}}""");
        data.Add("""{"cost-type":{"cost-mode":"ordinal","cost-metric":"routingcost"},"endpoints":{"dsts":["altogwipv6port:[2001:db8::5]:80","altogwipv4port:203.0.113.5:0"]}}""");
        data.Add("""{"cost-type":{"cost-mode":"ordinal","cost-metric":"routingcost"},"endpoints":{"srcs":["altogwpeer:a=b"],"dsts":["ipv4:192.0.2.1"]}}""");
        return data;
    }

    public static TheoryData<string> PropertyRequests()
    {
        var data = new TheoryData<string>();
        foreach (var row in ReadErrorTests.EndpointPropertyCases)
        {
            data.Add(row.Data.Item1);
        }

        data.Add("""{"properties":["pid"],"endpoints":["altogwpeer:1Ab-_","altogwipv4port:203.0.113.5:6881","ipv4:192.0.2.1"]}""");
        data.Add("""{"properties":["pid"],"endpoints":["altogwipv4port:203.0.113.5:65536"]}""");
        return data;
    }

    [Theory]
    [MemberData(nameof(CostRequests))]
    public void An_ecs_request_reads_as_the_gateway_grammar_reads_it_and_its_names_come_back_parsed(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var expectedOk = AltoJsonReader.TryReadEndpointCostRequest(bytes, out var expected, out var expectedError, null, EndpointNameGrammar.Gateway);

        var ok = GatewayRequestReader.TryReadEndpointCostRequest(bytes, out var request, out var srcs, out var dsts, out var error);

        Assert.Equal(expectedOk, ok);
        Assert.Equal(expectedError, error);
        if (ok)
        {
            Assert.Equal(expected!.Endpoints.Srcs ?? [], srcs.Select(n => n.Text));
            Assert.Equal(expected.Endpoints.Dsts, dsts.Select(n => n.Text));
            Assert.Equal(request!.Endpoints.Dsts, dsts.Select(n => n.Text));
        }
        else
        {
            Assert.Empty(srcs);
            Assert.Empty(dsts);
        }
    }

    [Theory]
    [MemberData(nameof(PropertyRequests))]
    public void An_eps_request_reads_as_the_gateway_grammar_reads_it_and_its_names_come_back_parsed(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var expectedOk = AltoJsonReader.TryReadEndpointPropertyRequest(bytes, out var expected, out var expectedError, EndpointNameGrammar.Gateway);

        var ok = GatewayRequestReader.TryReadEndpointPropertyRequest(bytes, out _, out var endpoints, out var error);

        Assert.Equal(expectedOk, ok);
        Assert.Equal(expectedError, error);
        Assert.Equal(ok ? expected!.Endpoints : [], endpoints.Select(n => n.Text));
    }

    [Fact]
    public void The_parsed_names_carry_their_kind_address_port_and_transport()
    {
        var json = """{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"},"endpoints":{"srcs":["altogwpeer:1Ab-_"],"dsts":["altogwipv4port:203.0.113.5:6881/udp"]}}"""u8.ToArray();

        Assert.True(GatewayRequestReader.TryReadEndpointCostRequest(json, out _, out var srcs, out var dsts, out _));

        Assert.Equal((GatewayEndpointKind.PeerId, "1Ab-_"), (srcs[0].Kind, srcs[0].PeerId));
        Assert.Equal((GatewayEndpointKind.AddressAndPort, "ipv4:203.0.113.5", (ushort)6881, GatewayTransport.Udp),
            (dsts[0].Kind, dsts[0].Address.ToString(), dsts[0].Port, dsts[0].Transport));
    }
}

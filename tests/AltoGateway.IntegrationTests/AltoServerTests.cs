using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AltoGateway.IntegrationTests;

/// <summary>The real agent starts one built-in ALTO server for the class, on a LAN and a WAN loopback port.</summary>
public sealed class AltoServerFixture : IAsyncLifetime
{
    private AltoServerAgent? _agent;

    private AltoServerAgent Agent => _agent ?? throw new InvalidOperationException("not started");

    public HttpClient Http => Agent.Http;

    public string LanBase => Agent.LanBase;

    public string WanBase => Agent.WanBase;

    public async ValueTask InitializeAsync() => _agent = await AltoServerAgent.StartAsync("{}", maxRequestBodyBytes: 1024);

    public async ValueTask DisposeAsync()
    {
        if (_agent is not null)
        {
            await _agent.DisposeAsync();
        }
    }
}

/// <summary>RFC 7285 on the wire: every resource, its exact media type, and every error path with its exact body.</summary>
public sealed class AltoServerTests(AltoServerFixture agent) : IClassFixture<AltoServerFixture>
{
    private const string CostParams = "application/alto-endpointcostparams+json";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_directory_lists_every_resource_with_uris_reachable_on_the_listener_asked(bool wan)
    {
        var root = wan ? agent.WanBase : agent.LanBase;
        using var response = await GetAsync($"{root}/directory", "application/alto-directory+json,application/alto-error+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/alto-directory+json", response.Content.Headers.ContentType!.ToString());
        var ird = await ReadAsync(response);
        Assert.Equal("default-network-map", (string?)ird["meta"]!["default-alto-network-map"]);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"num-routingcost":{"cost-mode":"numerical","cost-metric":"routingcost"},"ord-routingcost":{"cost-mode":"ordinal","cost-metric":"routingcost"}}"""),
            ird["meta"]!["cost-types"]));
        var resources = ird["resources"]!.AsObject();
        Assert.Equal(
            ["default-network-map", "costmap-num-routingcost", "costmap-ord-routingcost", "filtered-network-map", "filtered-cost-map", "endpoint-property", "endpoint-cost"],
            resources.Select(r => r.Key));
        Assert.True((bool)resources["filtered-cost-map"]!["capabilities"]!["cost-constraints"]!);
        Assert.Null(resources["endpoint-cost"]!["uses"]);
        foreach (var (_, entry) in resources)
        {
            var uri = (string)entry!["uri"]!;
            Assert.StartsWith(root + "/", uri, StringComparison.Ordinal);
            if (entry["accepts"] is null)
            {
                using var resource = await GetAsync(uri, null);
                Assert.Equal(HttpStatusCode.OK, resource.StatusCode);
                Assert.Equal((string)entry["media-type"]!, resource.Content.Headers.ContentType!.ToString());
            }
        }
    }

    [Fact]
    public async Task The_network_map_is_the_default_gateway_map_with_a_vtag()
    {
        using var response = await GetAsync($"{agent.WanBase}/networkmap", "application/alto-networkmap+json,application/alto-error+json");

        Assert.Equal("application/alto-networkmap+json", response.Content.Headers.ContentType!.ToString());
        var map = await ReadAsync(response);
        Assert.Equal("default-network-map", (string?)map["meta"]!["vtag"]!["resource-id"]);
        Assert.Equal(64, ((string)map["meta"]!["vtag"]!["tag"]!).Length);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                {"lan":{"ipv4":["10.0.0.0/8","172.16.0.0/12","192.168.0.0/16","100.64.0.0/10"],"ipv6":["fc00::/7"]},
                 "world":{"ipv4":["0.0.0.0/0"],"ipv6":["::/0"]}}
                """),
            map["network-map"]));
    }

    [Fact]
    public async Task The_filtered_network_map_keeps_the_asked_pids_and_address_types_and_the_full_vtag()
    {
        var full = await ReadAsync(await GetAsync($"{agent.LanBase}/networkmap", null));
        using var response = await PostAsync("/networkmap/filtered", "application/alto-networkmapfilter+json",
            """{"pids":["lan","lan","mars"],"address-types":["ipv6"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/alto-networkmap+json", response.Content.Headers.ContentType!.ToString());
        var map = await ReadAsync(response);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"lan":{"ipv6":["fc00::/7"]}}"""), map["network-map"]));
        Assert.True(JsonNode.DeepEquals(full["meta"]!["vtag"], map["meta"]!["vtag"]));
    }

    [Theory]
    [InlineData("ipv4:192.168.1.5", "lan")]
    [InlineData("ipv4:10.20.30.40", "lan")]
    [InlineData("ipv4:100.64.0.9", "lan")]
    [InlineData("ipv6:fd12::1", "lan")]
    [InlineData("ipv4:8.8.8.8", "world")]
    [InlineData("ipv6:2001:db8::1", "world")]
    public async Task The_endpoint_property_service_gives_the_pid_by_longest_prefix_match(string address, string pid)
    {
        using var response = await PostAsync("/endpointprop", "application/alto-endpointpropparams+json",
            $$"""{"properties":["default-network-map.pid","pid"],"endpoints":["{{address}}"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/alto-endpointprop+json", response.Content.Headers.ContentType!.ToString());
        var body = await ReadAsync(response);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse($$$"""{"{{{address}}}":{"default-network-map.pid":"{{{pid}}}","pid":"{{{pid}}}"}}"""),
            body["endpoint-properties"]));
        Assert.Equal("default-network-map", (string?)body["meta"]!["dependent-vtags"]![0]!["resource-id"]);
    }

    [Theory]
    [InlineData("num-routingcost", "numerical", """{"lan":{"lan":1,"world":10},"world":{"lan":10,"world":20}}""")]
    [InlineData("ord-routingcost", "ordinal", """{"lan":{"lan":1,"world":2},"world":{"lan":1,"world":2}}""")]
    public async Task Each_cost_map_depends_on_the_network_map_and_ordinal_ranks_per_source(string name, string mode, string expected)
    {
        var networkMap = await ReadAsync(await GetAsync($"{agent.LanBase}/networkmap", null));
        using var response = await GetAsync($"{agent.LanBase}/costmap/{name}", "application/alto-costmap+json,application/alto-error+json");

        Assert.Equal("application/alto-costmap+json", response.Content.Headers.ContentType!.ToString());
        var map = await ReadAsync(response);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), map["cost-map"]), map.ToJsonString());
        Assert.Equal(mode, (string?)map["meta"]!["cost-type"]!["cost-mode"]);
        Assert.Equal("routingcost", (string?)map["meta"]!["cost-type"]!["cost-metric"]);
        Assert.True(JsonNode.DeepEquals(new JsonArray(networkMap["meta"]!["vtag"]!.DeepClone()), map["meta"]!["dependent-vtags"]));
    }

    [Fact]
    public async Task The_filtered_cost_map_applies_pids_and_constraints()
    {
        using var response = await PostAsync("/costmap/filtered", "application/alto-costmapfilter+json",
            """{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"},"constraints":["le 10"],"pids":{"srcs":[],"dsts":[]}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/alto-costmap+json", response.Content.Headers.ContentType!.ToString());
        var map = await ReadAsync(response);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"lan":{"lan":1,"world":10},"world":{"lan":10}}"""), map["cost-map"]), map.ToJsonString());

        using var narrowed = await PostAsync("/costmap/filtered", "application/alto-costmapfilter+json",
            """{"cost-type":{"cost-mode":"ordinal","cost-metric":"routingcost","description":"ignored"},"pids":{"srcs":["world"],"dsts":["world","mars"]}}""");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"world":{"world":2}}"""), (await ReadAsync(narrowed))["cost-map"]));
    }

    [Theory]
    [InlineData("numerical", """{"ipv4:192.168.1.5":{"ipv4:192.168.1.9":1,"ipv4:8.8.8.8":10,"ipv6:FD00::1":1}}""")]
    [InlineData("ordinal", """{"ipv4:192.168.1.5":{"ipv4:192.168.1.9":1,"ipv4:8.8.8.8":2,"ipv6:FD00::1":1}}""")]
    public async Task The_endpoint_cost_service_answers_in_the_names_of_the_request(string mode, string expected)
    {
        using var response = await PostAsync("/endpointcost", CostParams,
            $$$"""{"cost-type":{"cost-mode":"{{{mode}}}","cost-metric":"routingcost"},"endpoints":{"srcs":["ipv4:192.168.1.5"],"dsts":["ipv4:192.168.1.9","ipv4:8.8.8.8","ipv6:FD00::1"]}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/alto-endpointcost+json", response.Content.Headers.ContentType!.ToString());
        var body = await ReadAsync(response);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), body["endpoint-cost-map"]), body.ToJsonString());
        Assert.Equal(mode, (string?)body["meta"]!["cost-type"]!["cost-mode"]);
    }

    [Fact]
    public async Task Without_srcs_the_endpoint_cost_service_takes_the_client_address()
    {
        // 127.0.0.1 is in "world": world → lan 10, world → world 20 (not "lt 20").
        using var response = await PostAsync("/endpointcost", CostParams,
            """{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"},"constraints":["lt 20"],"endpoints":{"dsts":["ipv4:192.168.1.9","ipv4:8.8.8.8"]}}""");

        var body = await ReadAsync(response);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"ipv4:127.0.0.1":{"ipv4:192.168.1.9":10}}"""), body["endpoint-cost-map"]), body.ToJsonString());
    }

    [Fact]
    public async Task Without_dsts_the_endpoint_cost_service_takes_the_client_address_as_destination()
    {
        using var response = await PostAsync("/endpointcost", CostParams,
            """{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"},"endpoints":{"srcs":["ipv4:192.168.1.5"]}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadAsync(response);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"ipv4:192.168.1.5":{"ipv4:127.0.0.1":10}}"""), body["endpoint-cost-map"]), body.ToJsonString());
    }

    public static TheoryData<string, string, string, string> Malformed => new()
    {
        { "/endpointcost", CostParams, """{"cost-type":""", "E_SYNTAX" },
        {
            "/endpointcost", CostParams, """{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"},"endpoints":{"srcs":[],"dsts":[]}}""",
            """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"endpoints"}}"""
        },
        {
            "/endpointcost", CostParams, """{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"},"endpoints":{"dsts":"ipv4:192.0.2.1"}}""",
            """{"meta":{"code":"E_INVALID_FIELD_TYPE","field":"endpoints/dsts","value":"ipv4:192.0.2.1"}}"""
        },
        {
            "/endpointcost", CostParams, """{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"},"endpoints":{"dsts":["ipv4:192.0.2.300"]}}""",
            """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"endpoints/dsts","value":"ipv4:192.0.2.300"}}"""
        },
        {
            "/endpointcost", CostParams, """{"cost-type":{"cost-mode":"numerical","cost-metric":"hopcount"},"endpoints":{"dsts":["ipv4:192.0.2.1"]}}""",
            """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"cost-type/cost-metric","value":"hopcount"}}"""
        },
        {
            "/costmap/filtered", "application/alto-costmapfilter+json", """{"cost-type":{"cost-mode":"cardinal","cost-metric":"routingcost"}}""",
            """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"cost-type/cost-mode","value":"cardinal"}}"""
        },
        {
            "/costmap/filtered", "application/alto-costmapfilter+json", """{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"},"constraints":["about 5"]}""",
            """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"constraints","value":"about 5"}}"""
        },
        {
            "/endpointprop", "application/alto-endpointpropparams+json", """{"properties":["priv:colour"],"endpoints":["ipv4:192.0.2.1"]}""",
            """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"properties","value":"priv:colour"}}"""
        },
        {
            "/networkmap/filtered", "application/alto-networkmapfilter+json", """{"address-types":["ipv4"]}""",
            """{"meta":{"code":"E_MISSING_FIELD","field":"pids"}}"""
        },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Every_malformed_request_is_400_with_one_alto_error(string path, string contentType, string body, string expected)
    {
        using var response = await PostAsync(path, contentType, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/alto-error+json", response.Content.Headers.ContentType!.ToString());
        var error = await ReadAsync(response);
        if (expected == "E_SYNTAX")
        {
            Assert.Equal("E_SYNTAX", (string?)error["meta"]!["code"]);
            Assert.False(string.IsNullOrEmpty((string?)error["meta"]!["syntax-error"]));
        }
        else
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), error), error.ToJsonString());
        }
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/alto-costmapfilter+json")]
    [InlineData(null)]
    public async Task A_wrong_or_missing_content_type_is_415(string? contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{agent.LanBase}/endpointcost")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"},"endpoints":{"dsts":["ipv4:192.0.2.1"]}}""")),
        };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await agent.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/alto-error+json", response.Content.Headers.ContentType!.ToString());
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"meta":{"code":"E_SYNTAX","syntax-error":"Content-Type must be application/alto-endpointcostparams+json"}}"""),
            await ReadAsync(response)));
    }

    [Theory]
    [InlineData("text/html", HttpStatusCode.NotAcceptable)]
    [InlineData("text/html, application/json", HttpStatusCode.NotAcceptable)]
    [InlineData("application/alto-networkmap+json;q=0, text/*", HttpStatusCode.NotAcceptable)]
    [InlineData("application/alto-networkmap+json", HttpStatusCode.OK)]
    [InlineData("text/html, application/*;q=0.5", HttpStatusCode.OK)]
    [InlineData("*/*", HttpStatusCode.OK)]
    public async Task Accept_is_honoured(string accept, HttpStatusCode status)
    {
        using var response = await GetAsync($"{agent.LanBase}/networkmap", accept);

        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.NotAcceptable)
        {
            Assert.Equal("application/alto-error+json", response.Content.Headers.ContentType!.ToString());
            Assert.True(JsonNode.DeepEquals(
                JsonNode.Parse("""{"meta":{"code":"E_SYNTAX","syntax-error":"Accept admits neither application/alto-networkmap+json nor application/alto-error+json"}}"""),
                await ReadAsync(response)));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_limit_is_413_with_an_alto_error(bool chunked)
    {
        var dsts = string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"ipv4:192.0.2.{i}\""));
        using var response = await PostAsync("/endpointcost", CostParams,
            $$$"""{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"},"endpoints":{"dsts":[{{{dsts}}}]}}""", chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/alto-error+json", response.Content.Headers.ContentType!.ToString());
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"meta":{"code":"E_SYNTAX","syntax-error":"request body larger than 1024 bytes"}}"""),
            await ReadAsync(response)));
    }

    [Theory]
    [InlineData("/directory", null, HttpStatusCode.OK)]
    [InlineData("/networkmap", null, HttpStatusCode.OK)]
    [InlineData("/costmap/num-routingcost", "application/alto-costmap+json,application/alto-error+json", HttpStatusCode.OK)]
    [InlineData("/costmap/ord-routingcost", null, HttpStatusCode.OK)]
    [InlineData("/networkmap", "text/html", HttpStatusCode.NotAcceptable)]
    public async Task Head_answers_like_get_without_the_body(string path, string? accept, HttpStatusCode status)
    {
        using var get = await SendAsync(HttpMethod.Get, agent.LanBase + path, accept);
        using var head = await SendAsync(HttpMethod.Head, agent.LanBase + path, accept);
        var body = await get.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(status, get.StatusCode);
        Assert.Equal(status, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType!.ToString(), head.Content.Headers.ContentType!.ToString());
        Assert.Equal(body.Length, get.Content.Headers.ContentLength);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_alto_server_component_is_ready()
    {
        using var response = await GetAsync($"{agent.LanBase}/status", null);
        var status = await ReadAsync(response);

        Assert.Contains(status["components"]!.AsArray(), c => (string?)c!["name"] == "alto-server" && (string?)c["state"] == "ready");
    }

    private Task<HttpResponseMessage> GetAsync(string url, string? accept) => SendAsync(HttpMethod.Get, url, accept);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? accept)
    {
        using var request = new HttpRequestMessage(method, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await agent.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string contentType, string body, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, agent.WanBase + path)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Headers.TransferEncodingChunked = chunked;
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.TryAddWithoutValidation("Accept", "application/alto-error+json, application/alto-costmap+json, application/alto-endpointcost+json, application/alto-endpointprop+json, application/alto-networkmap+json");
        return await agent.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
}

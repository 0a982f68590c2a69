using AltoGateway.Alto.Messages;
using AltoGateway.Tests.SharedAlto;

namespace AltoGateway.Alto.Client.Tests;

/// <summary>EPS (RFC 7285 §11.4.1) against the fake upstream: "pid" and "fake-network-map.pid".</summary>
public sealed class EndpointPropertyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EndpointPropertyRequest Request(params List<string> endpoints) =>
        new() { Properties = ["fake-network-map.pid", "pid"], Endpoints = endpoints };

    private static Dictionary<string, string> Pid(string pid) => new() { ["fake-network-map.pid"] = pid, ["pid"] = pid };

    [Fact]
    public async Task Each_endpoint_gets_its_pid_by_longest_prefix()
    {
        await using var fake = await FakeUpstreamClient.StartAsync();
        var eps = (await fake.DirectoryAsync()).FindEndpointProperty("pid")!;

        var result = await fake.Client.EndpointPropertiesAsync(eps, Request("ipv4:192.0.2.1", "ipv6:2001:db8:b::9", "ipv4:8.8.8.8"), Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Empty(result.Tolerances);
        Assert.Equal(
            new Dictionary<string, Dictionary<string, string>>
            {
                ["ipv4:192.0.2.1"] = Pid("isp-a"),
                ["ipv6:2001:db8:b::9"] = Pid("isp-b"),
                ["ipv4:8.8.8.8"] = Pid("world"),
            },
            result.Value.EndpointProperties);
        Assert.Equal("fake-vtag-1", Assert.Single(result.Value.Meta.DependentVtags!).Tag);
        var sent = fake.Upstream.Requests[^1];
        Assert.Equal("application/alto-endpointpropparams+json", sent.ContentType);
        Assert.Equal("application/alto-endpointprop+json,application/alto-error+json", sent.Accept);
    }

    [Fact]
    public async Task Dropped_endpoints_are_listed_and_non_canonical_keys_re_keyed()
    {
        await using var fake = await FakeUpstreamClient.StartAsync(new FakeUpstreamBehaviour { DropUnknownEndpoints = true, NonCanonicalKeys = true });
        var eps = (await fake.DirectoryAsync()).FindEndpointProperty("fake-network-map.pid")!;

        var result = await fake.Client.EndpointPropertiesAsync(eps, Request("ipv6:2001:db8:a::5", "ipv4:8.8.8.8", "ipv6:2001:4860::8888"), Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(new Dictionary<string, Dictionary<string, string>> { ["ipv6:2001:db8:a::5"] = Pid("isp-a") }, result.Value.EndpointProperties);
        Assert.Equal(
            [
                new AltoTolerance(AltoToleranceKind.NonCanonicalAddress,
                    $"POST {fake.Base}/endpointprop keyed its answer by non-canonical addresses, re-keyed: ipv6:2001:0DB8:000A:0000:0000:0000:0000:0005 → ipv6:2001:db8:a::5"),
                new AltoTolerance(AltoToleranceKind.DroppedEndpoints, $"POST {fake.Base}/endpointprop left out endpoints ipv4:8.8.8.8, ipv6:2001:4860::8888"),
            ],
            result.Tolerances);
    }

    [Fact]
    public async Task An_answer_without_dependent_vtags_is_used_and_reported()
    {
        await using var fake = await FakeUpstreamClient.StartAsync(new FakeUpstreamBehaviour { MissingVtag = true, UnrequestedEndpoint = "ipv4:10.9.9.9" });
        var eps = (await fake.DirectoryAsync()).FindEndpointProperty("pid")!;

        var result = await fake.Client.EndpointPropertiesAsync(eps, Request("ipv4:198.51.100.1"), Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(new Dictionary<string, Dictionary<string, string>> { ["ipv4:198.51.100.1"] = Pid("isp-b") }, result.Value.EndpointProperties);
        Assert.Equal(
            [
                new AltoTolerance(AltoToleranceKind.UnrequestedEndpoints, $"POST {fake.Base}/endpointprop answered for endpoints not asked for, dropped: ipv4:10.9.9.9"),
                new AltoTolerance(AltoToleranceKind.MissingVtag, $"POST {fake.Base}/endpointprop answered without meta.dependent-vtags (RFC 7285 §11.1)"),
            ],
            result.Tolerances);
    }
}

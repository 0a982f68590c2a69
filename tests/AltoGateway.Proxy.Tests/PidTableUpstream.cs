using System.Net;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy.Tests;

/// <summary>
/// An upstream ALTO server answering from a small network map and numerical cost map, and, like real
/// servers, silently leaving out every endpoint its map does not cover. Records what it was asked.
/// <code>
/// subscribers 100.64.0.0/10, 198.51.100.0/24 · gateway 203.0.113.0/24 · peers 198.18.0.0/15
///              subscribers gateway peers
/// subscribers       1         5     10
/// gateway           5         1     20
/// peers            10        20      2
/// </code>
/// </summary>
internal sealed class PidTableUpstream : IAltoUpstream
{
    public const string PidProperty = "my-default-network-map.pid";

    private static readonly (IPNetwork Prefix, string Pid)[] NetworkMap =
    [
        (IPNetwork.Parse("100.64.0.0/10"), "subscribers"),
        (IPNetwork.Parse("198.51.100.0/24"), "subscribers"),
        (IPNetwork.Parse("203.0.113.0/24"), "gateway"),
        (IPNetwork.Parse("198.18.0.0/15"), "peers"),
    ];

    private static readonly Dictionary<(string, string), double> CostMap = new()
    {
        [("subscribers", "subscribers")] = 1, [("subscribers", "gateway")] = 5, [("subscribers", "peers")] = 10,
        [("gateway", "subscribers")] = 5, [("gateway", "gateway")] = 1, [("gateway", "peers")] = 20,
        [("peers", "subscribers")] = 10, [("peers", "gateway")] = 20, [("peers", "peers")] = 2,
    };

    public string Name => "https://alto.isp.example/ird";

    public List<EndpointCostRequest> CostRequests { get; } = [];

    public List<EndpointPropertyRequest> PropertyRequests { get; } = [];

    /// <summary>When set, every request fails so.</summary>
    public UpstreamFailure? FailWith { get; set; }

    public Task<UpstreamAnswer<EndpointCostResponse>> EndpointCostAsync(EndpointCostRequest request, CancellationToken cancellationToken)
    {
        CostRequests.Add(request);
        if (FailWith is { } failure)
        {
            return Task.FromResult(new UpstreamAnswer<EndpointCostResponse>(failure));
        }

        var response = new EndpointCostResponse { Meta = new ResponseMeta { CostType = request.CostType } };
        foreach (var src in request.Endpoints.Srcs!)
        {
            if (PidOf(src) is not { } from)
            {
                continue;
            }

            response.EndpointCostMap[src] = request.Endpoints.Dsts
                .Where(dst => PidOf(dst) is not null)
                .ToDictionary(dst => dst, dst => CostMap[(from, PidOf(dst)!)]);
        }

        return Task.FromResult(new UpstreamAnswer<EndpointCostResponse>(response));
    }

    public Task<UpstreamAnswer<EndpointPropertyResponse>> EndpointPropertiesAsync(EndpointPropertyRequest request, CancellationToken cancellationToken)
    {
        PropertyRequests.Add(request);
        if (FailWith is { } failure)
        {
            return Task.FromResult(new UpstreamAnswer<EndpointPropertyResponse>(failure));
        }

        var response = new EndpointPropertyResponse();
        foreach (var endpoint in request.Endpoints.Where(e => PidOf(e) is not null))
        {
            response.EndpointProperties[endpoint] = new() { [PidProperty] = PidOf(endpoint)! };
        }

        return Task.FromResult(new UpstreamAnswer<EndpointPropertyResponse>(response));
    }

    private static string? PidOf(string typedAddress)
    {
        var address = TypedEndpointAddress.Parse(typedAddress).ToIPAddress();
        return NetworkMap.FirstOrDefault(entry => entry.Prefix.Contains(address)).Pid;
    }
}

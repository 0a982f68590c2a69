using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy.Tests.Routing;

/// <summary>
/// An upstream that answers every pair with its own <see cref="Cost"/> and every endpoint's "pid" with its own name,
/// so an answer shows which upstream gave each row; records what it was asked.
/// </summary>
internal sealed class FlatCostUpstream(string name, double cost) : IAltoUpstream
{
    public string Name => name;

    public double Cost => cost;

    public List<EndpointCostRequest> CostRequests { get; } = [];

    public List<EndpointPropertyRequest> PropertyRequests { get; } = [];

    /// <summary>When set, every request fails so.</summary>
    public UpstreamFailure? FailWith { get; set; }

    public Task<UpstreamAnswer<EndpointCostResponse>> EndpointCostAsync(EndpointCostRequest request, CancellationToken cancellationToken)
    {
        lock (CostRequests)
        {
            CostRequests.Add(request);
        }

        if (FailWith is { } failure)
        {
            return Task.FromResult(new UpstreamAnswer<EndpointCostResponse>(failure));
        }

        var response = new EndpointCostResponse { Meta = new ResponseMeta { CostType = request.CostType } };
        foreach (var src in request.Endpoints.Srcs!)
        {
            response.EndpointCostMap[src] = request.Endpoints.Dsts.ToDictionary(dst => dst, _ => cost);
        }

        return Task.FromResult(new UpstreamAnswer<EndpointCostResponse>(response));
    }

    public Task<UpstreamAnswer<EndpointPropertyResponse>> EndpointPropertiesAsync(EndpointPropertyRequest request, CancellationToken cancellationToken)
    {
        lock (PropertyRequests)
        {
            PropertyRequests.Add(request);
        }

        if (FailWith is { } failure)
        {
            return Task.FromResult(new UpstreamAnswer<EndpointPropertyResponse>(failure));
        }

        var response = new EndpointPropertyResponse();
        foreach (var endpoint in request.Endpoints)
        {
            response.EndpointProperties[endpoint] = new() { ["pid"] = name };
        }

        return Task.FromResult(new UpstreamAnswer<EndpointPropertyResponse>(response));
    }
}

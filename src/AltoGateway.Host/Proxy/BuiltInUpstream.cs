using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Messages;
using AltoGateway.Host.Alto;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Host.Proxy;

/// <summary>
/// The built-in ALTO server as the proxy's upstream, called in-process: no HTTP, no JSON, so the
/// embedded default costs the tracker nothing but the computation. Uses the engine in service at
/// the moment of the call (a reload never mixes two maps into one answer).
/// </summary>
internal sealed class BuiltInUpstream(AltoServer server) : IAltoUpstream, IEndpointCostMatrixUpstream
{
    public string Name => UpstreamNames.BuiltIn;

    public bool TryGetEndpointCosts(CostType costType, IReadOnlyList<TypedEndpointAddress> srcs, IReadOnlyList<TypedEndpointAddress> dsts, out double[,] costs, out UpstreamFailure? failure)
    {
        costs = new double[0, 0];
        if (server.Current is not { } engine)
        {
            failure = NoMaps;
            return false;
        }

        if (engine.EndpointCosts(costType, srcs, dsts) is not { } matrix)
        {
            failure = Unsupported(costType);
            return false;
        }

        costs = matrix;
        failure = null;
        return true;
    }

    public Task<UpstreamAnswer<EndpointCostResponse>> EndpointCostAsync(EndpointCostRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (server.Current is not { } engine)
        {
            return Task.FromResult(new UpstreamAnswer<EndpointCostResponse>(NoMaps));
        }

        if (!AltoMaps.CostTypes.Contains(request.CostType))
        {
            return Task.FromResult(new UpstreamAnswer<EndpointCostResponse>(Unsupported(request.CostType)));
        }

        // The proxy always names the sources, so the "client address" default of §11.5.1.3 never applies.
        var client = TypedEndpointAddress.Parse(request.Endpoints.Srcs![0]);
        return Task.FromResult(new UpstreamAnswer<EndpointCostResponse>(engine.EndpointCost(request, client)));
    }

    public Task<UpstreamAnswer<EndpointPropertyResponse>> EndpointPropertiesAsync(EndpointPropertyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (server.Current is not { } engine)
        {
            return Task.FromResult(new UpstreamAnswer<EndpointPropertyResponse>(NoMaps));
        }

        if (AltoServerEngine.CheckProperties(request) is { } error)
        {
            // A property the tracker chose and this server does not offer: the tracker's to fix.
            return Task.FromResult(new UpstreamAnswer<EndpointPropertyResponse>(new UpstreamFailure(UpstreamFailureKind.Refused,
                $"the built-in server does not offer the property '{error.Value}'", ServerError: error)));
        }

        return Task.FromResult(new UpstreamAnswer<EndpointPropertyResponse>(engine.EndpointProperties(request)));
    }

    private static UpstreamFailure Unsupported(CostType costType) => new(UpstreamFailureKind.Unsupported,
        $"the built-in server offers {string.Join(" and ", AltoMaps.CostTypes)}, not {costType}");

    private static UpstreamFailure NoMaps => new(UpstreamFailureKind.BadAnswer, "the built-in server has no maps (its component failed)");
}

using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Costs;

namespace AltoGateway.Proxy.Upstreams;

/// <summary>
/// An upstream that answers an ECS (RFC 7285 §11.5.1) about addresses directly, without text or
/// JSON: the built-in server, called in-process. The proxy prefers this to
/// <see cref="IAltoUpstream.EndpointCostAsync"/> when an upstream offers both.
/// </summary>
public interface IEndpointCostMatrixUpstream
{
    /// <summary>
    /// Costs from each of <paramref name="srcs"/> to each of <paramref name="dsts"/> in the mode of
    /// <paramref name="costType"/> (ordinal: dense ranks per source among the destinations given),
    /// <see cref="double.NaN"/> where the upstream defines none (§11.5.1.6); or the failure.
    /// </summary>
    bool TryGetEndpointCosts(
        CostType costType,
        IReadOnlyList<TypedEndpointAddress> srcs,
        IReadOnlyList<TypedEndpointAddress> dsts,
        out double[,] costs,
        out UpstreamFailure? failure);
}

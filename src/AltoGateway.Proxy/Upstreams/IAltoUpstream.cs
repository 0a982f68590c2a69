using AltoGateway.Alto.Messages;

namespace AltoGateway.Proxy.Upstreams;

/// <summary>
/// An ALTO server the proxy forwards to: a configured one reached with the client library, or the
/// built-in server called in-process. Implementations never throw for what a server does; they
/// return an <see cref="UpstreamAnswer{T}"/> with a failure instead (only the caller's cancellation throws).
/// </summary>
public interface IAltoUpstream
{
    /// <summary>How logs, metrics and answers name it: the IRD URI, or "built-in".</summary>
    string Name { get; }

    /// <summary>An ECS (RFC 7285 §11.5.1) with non-empty srcs and dsts.</summary>
    Task<UpstreamAnswer<EndpointCostResponse>> EndpointCostAsync(EndpointCostRequest request, CancellationToken cancellationToken);

    /// <summary>An EPS (RFC 7285 §11.4.1).</summary>
    Task<UpstreamAnswer<EndpointPropertyResponse>> EndpointPropertiesAsync(EndpointPropertyRequest request, CancellationToken cancellationToken);
}

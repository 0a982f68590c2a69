using AltoGateway.Alto.Addressing;

namespace AltoGateway.Proxy.Routing;

/// <summary>
/// Picks the upstreams for one source endpoint (RFC 8686 §4.4: an n:m ECS is split by source; §4.3: an EPS is asked
/// per address). The host implements it with DNS discovery; tests with a table. Never fails: when discovery cannot
/// answer, the route is the configured upstreams and the built-in server.
/// </summary>
public interface IUpstreamRouter
{
    /// <summary>Tells own subscribers from foreign addresses.</summary>
    SourceScopes Scopes { get; }

    /// <summary>The route for <paramref name="source"/> (the address the upstream is asked about), of <paramref name="scope"/>.</summary>
    ValueTask<UpstreamRoute> RouteAsync(TypedEndpointAddress source, SourceScope scope, CancellationToken cancellationToken);
}

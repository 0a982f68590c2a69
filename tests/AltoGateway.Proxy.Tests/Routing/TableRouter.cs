using AltoGateway.Alto.Addressing;
using AltoGateway.Proxy.Routing;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy.Tests.Routing;

/// <summary>
/// A router without DNS: this network's sources go to <see cref="Own"/>; a foreign source to the upstream its address
/// is listed with (as discovery would find it, before the fallback), or to the fallback alone, like a discovery that
/// found nothing or failed. Counts what it was asked.
/// </summary>
internal sealed class TableRouter(SourceScopes scopes, TimeProvider time, IAltoUpstream fallback) : IUpstreamRouter
{
    private readonly Dictionary<TypedEndpointAddress, IAltoUpstream> _foreign = [];

    public SourceScopes Scopes => scopes;

    public IAltoUpstream? Own { get; set; }

    public List<(TypedEndpointAddress Source, SourceScope Scope)> Asked { get; } = [];

    public TableRouter Foreign(string address, IAltoUpstream upstream)
    {
        _foreign[TypedEndpointAddress.Parse(address)] = upstream;
        return this;
    }

    public ValueTask<UpstreamRoute> RouteAsync(TypedEndpointAddress source, SourceScope scope, CancellationToken cancellationToken)
    {
        lock (Asked)
        {
            Asked.Add((source, scope));
        }

        var found = scope == SourceScope.OwnNetwork ? Own : _foreign.GetValueOrDefault(source);
        return found is null
            ? new(new UpstreamRoute("fallback", Chain(fallback), false))
            : new(new UpstreamRoute((scope == SourceScope.Foreign ? "foreign " : "own ") + found.Name, Chain(found, fallback), scope == SourceScope.Foreign));
    }

    public UpstreamChain Chain(params IAltoUpstream[] upstreams) =>
        new([.. upstreams.Select(u => new GuardedUpstream(u, null))], 0, TimeSpan.Zero, time);
}

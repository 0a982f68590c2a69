using System.Collections.Concurrent;
using AltoGateway.Alto.Addressing;
using AltoGateway.Discovery.Resolution;
using AltoGateway.Proxy.Routing;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Host.Proxy;

/// <summary>
/// Picks each source's upstreams by DNS discovery (DESIGN.md, "ALTO proxy"): this NAT's subscribers by the RFC 7286
/// lookup of the configured access domain, other networks' addresses by RFC 8686 XDOMDISC(address, SP); the servers
/// found (best first) come before the configured upstreams and the built-in server. The resolver caches answers per
/// TTL (RFC 8686 §3.5); a subject whose lookup failed is not asked again for the back-off, so a DNS outage costs each
/// source one failed lookup per back-off, not one per request. Only the caller's cancellation throws.
/// </summary>
internal sealed class DiscoveryUpstreamRouter : IUpstreamRouter
{
    private const string FallbackKey = "fallback";
    private const int MaxBackoffEntries = 10_000;

    private readonly AltoDiscoveryResolver _resolver;
    private readonly DiscoveryRequest? _accessDomain;
    private readonly bool _reverseLookups;
    private readonly string? _service;
    private readonly DiscoveredUpstreamTable _table;
    private readonly UpstreamChain _fallback;
    private readonly UpstreamRoute _fallbackRoute;
    private readonly IUpstreamObserver _observer;
    private readonly IReadOnlySet<string> _self;
    private readonly ProxyDiscoveryWatch _watch;
    private readonly TimeProvider _time;
    private readonly TimeSpan _backoff;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _failedUntil = new(StringComparer.Ordinal);

    public DiscoveryUpstreamRouter(DiscoveryRouterSettings settings, AltoDiscoveryResolver resolver, DiscoveredUpstreamTable table,
        UpstreamChain fallback, IUpstreamObserver observer, ProxyDiscoveryWatch watch, TimeProvider time)
    {
        Scopes = settings.Scopes;
        _accessDomain = settings.AccessDomain;
        _reverseLookups = settings.ReverseLookups;
        _service = settings.Service;
        _self = settings.Self;
        _backoff = settings.Backoff;
        _resolver = resolver;
        _table = table;
        _fallback = fallback;
        _fallbackRoute = new UpstreamRoute(FallbackKey, fallback, KnowsOnlyPublicAddresses: false);
        _observer = observer;
        _watch = watch;
        _time = time;
    }

    public SourceScopes Scopes { get; }

    public ValueTask<UpstreamRoute> RouteAsync(TypedEndpointAddress source, SourceScope scope, CancellationToken cancellationToken)
    {
        if (scope == SourceScope.OwnNetwork)
        {
            return _accessDomain is null ? new(_fallbackRoute) : LookupAsync(_accessDomain, foreign: false, cancellationToken);
        }

        // RFC 8686 §3.1: X = (A, L); one address is /32 or /128.
        var bits = EndpointAddressTypeNames.BitsOf(source.Type);
        return _reverseLookups && DiscoveryRequest.TryXdomdisc(source.ToIPAddress(), bits, _service, out var request, out _)
            ? LookupAsync(request, foreign: true, cancellationToken)
            : new(_fallbackRoute);
    }

    private async ValueTask<UpstreamRoute> LookupAsync(DiscoveryRequest request, bool foreign, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_failedUntil.TryGetValue(request.Subject, out var until))
        {
            if (until > now)
            {
                _watch.BackingOff(request);
                return _fallbackRoute;
            }

            _failedUntil.TryRemove(request.Subject, out _);
        }

        var result = await _resolver.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        var uris = new List<Uri>(result.Targets.Length);
        foreach (var target in result.Targets)
        {
            // The agent's own proxy (its reverse zones point there) would only ask itself again.
            if (!_self.Contains(target.Uri.ToString()) && !uris.Contains(target.Uri))
            {
                uris.Add(target.Uri);
            }
        }

        if (uris.Count > 0)
        {
            _watch.Found(request, uris);
            return Route(uris, foreign);
        }

        if (result.NoDnsAnswer || result.RetryMightHelp)
        {
            Remember(request.Subject, now + _backoff);
            _watch.Failed(request, Reason(result), _backoff);
        }
        else
        {
            _watch.NotFound(request);
        }

        return _fallbackRoute;
    }

    private UpstreamRoute Route(List<Uri> uris, bool foreign)
    {
        var upstreams = new List<GuardedUpstream>(uris.Count + _fallback.Upstreams.Count);
        foreach (var uri in uris)
        {
            upstreams.Add(_table.Get(uri));
        }

        upstreams.AddRange(_fallback.Upstreams);
        var key = (foreign ? "foreign " : "own ") + string.Join(' ', uris);
        return new UpstreamRoute(key, new UpstreamChain(upstreams, _fallback.Retries, _fallback.RetryDelay, _time, _observer), foreign);
    }

    private void Remember(string subject, DateTimeOffset until)
    {
        if (_failedUntil.Count >= MaxBackoffEntries)
        {
            var now = _time.GetUtcNow();
            foreach (var (key, value) in _failedUntil)
            {
                if (value <= now)
                {
                    _failedUntil.TryRemove(key, out _);
                }
            }

            if (_failedUntil.Count >= MaxBackoffEntries)
            {
                _failedUntil.Clear(); // an outage for that many sources: forget, and ask again
            }
        }

        _failedUntil[subject] = until;
    }

    private static string Reason(DiscoveryResult result)
    {
        var failed = result.Steps.LastOrDefault(s => s.Outcome == DiscoveryStepOutcome.TemporaryFailure);
        var detail = failed?.Lookup.FailureDetail;
        return result.NoDnsAnswer
            ? "no DNS answer" + (string.IsNullOrEmpty(detail) ? string.Empty : ": " + detail)
            : "some names failed temporarily" + (string.IsNullOrEmpty(detail) ? string.Empty : ": " + detail);
    }
}

/// <summary>What <see cref="DiscoveryUpstreamRouter"/> is told by the configuration.</summary>
/// <param name="Scopes">Tells this NAT's subscribers from other networks'.</param>
/// <param name="AccessDomain">The RFC 7286 lookup for this NAT's subscribers; null: none.</param>
/// <param name="ReverseLookups">Whether other networks' sources are looked up by RFC 8686.</param>
/// <param name="Service">The SP for RFC 8686; null: "ALTO:https".</param>
/// <param name="Self">The agent's own proxy directory URIs, never used as upstreams.</param>
/// <param name="Backoff">How long a subject whose lookup failed is not looked up again.</param>
internal sealed record DiscoveryRouterSettings(
    SourceScopes Scopes, DiscoveryRequest? AccessDomain, bool ReverseLookups, string? Service, IReadOnlySet<string> Self, TimeSpan Backoff);

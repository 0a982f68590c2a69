using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Answers;
using AltoGateway.Proxy.Placement;
using AltoGateway.Proxy.Routing;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy;

/// <summary>
/// The third-party ALTO proxy as a pipeline of small stages (DESIGN.md, after YARP): place every
/// endpoint the tracker named (<see cref="EndpointPlacer"/>), plan the upstream question
/// (<see cref="EndpointCostPlan"/>, <see cref="EndpointPropertyPlan"/>), ask the upstreams in order
/// (<see cref="UpstreamChain"/>), and assemble the answer in the tracker's names. Requests reach it
/// already read and checked (with <see cref="EndpointNameGrammar.Gateway"/>). With an <see cref="IUpstreamRouter"/>
/// (discovery on) the upstreams are picked per source (<see cref="RoutedProxy"/>); without one, every request goes
/// through the one chain, with no grouping work at all.
/// </summary>
public sealed class ThirdPartyProxy
{
    private readonly EndpointPlacer _placer;
    private readonly UpstreamChain _chain;
    private readonly IUpstreamRouter? _router;

    /// <param name="placer">Places the tracker's endpoints.</param>
    /// <param name="chain">The configured upstreams and the built-in server.</param>
    /// <param name="router">Picks the upstreams per source (discovery); null: <paramref name="chain"/> answers everything.</param>
    public ThirdPartyProxy(EndpointPlacer placer, UpstreamChain chain, IUpstreamRouter? router = null)
    {
        ArgumentNullException.ThrowIfNull(placer);
        ArgumentNullException.ThrowIfNull(chain);
        _placer = placer;
        _chain = chain;
        _router = router;
    }

    /// <summary>
    /// A third-party ECS, its names parsed here (for callers that read the request without
    /// <see cref="AltoGateway.Alto.Json.GatewayRequestReader"/>).
    /// </summary>
    public Task<ProxyOutcome<EndpointCostResponse>> EndpointCostAsync(EndpointCostRequest request, TypedEndpointAddress tracker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return EndpointCostAsync(request, Parse(request.Endpoints.Srcs ?? []), Parse(request.Endpoints.Dsts), tracker, cancellationToken);
    }

    /// <summary>
    /// A third-party ECS whose endpoints were parsed by <see cref="AltoGateway.Alto.Json.GatewayRequestReader"/>.
    /// An empty <paramref name="srcs"/> or <paramref name="dsts"/> means the tracker's own address
    /// (<paramref name="tracker"/>), as RFC 7285 §11.5.1.3 has it; the proxy then names it explicitly upstream.
    /// </summary>
    public async Task<ProxyOutcome<EndpointCostResponse>> EndpointCostAsync(
        EndpointCostRequest request,
        IReadOnlyList<GatewayEndpointName> srcs,
        IReadOnlyList<GatewayEndpointName> dsts,
        TypedEndpointAddress tracker,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(srcs);
        ArgumentNullException.ThrowIfNull(dsts);
        var trackerName = srcs.Count == 0 || dsts.Count == 0 ? Parse([tracker.ToString()]) : null;
        var plan = EndpointCostPlan.Create(request, Place(srcs.Count > 0 ? srcs : trackerName!), Place(dsts.Count > 0 ? dsts : trackerName!));
        if (!plan.NeedsUpstream)
        {
            return new(plan.Assemble(null, UpstreamNames.None, []), null, UpstreamNames.None, plan.Report);
        }

        return _router is null
            ? await AskAsync(_chain, plan, cancellationToken).ConfigureAwait(false)
            : await RoutedProxy.EndpointCostAsync(_router, plan, AskAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The whole plan through one chain.</summary>
    private static async Task<ProxyOutcome<EndpointCostResponse>> AskAsync(UpstreamChain chain, EndpointCostPlan plan, CancellationToken cancellationToken)
    {
        var result = await chain.SendAsync(
            (upstream, ct) => AskAsync(upstream, plan, ct),
            AltoError.InvalidFieldValue("cost-type"),
            cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return new(null, result.Failure, result.Upstream, plan.Report);
        }

        var answer = result.Value.Matrix is { } matrix
            ? plan.AssembleFromMatrix(matrix, result.Upstream, result.Tolerated)
            : plan.Assemble(result.Value.Response, result.Upstream, result.Tolerated);
        return new(answer, null, result.Upstream, plan.Report);
    }

    /// <summary>One upstream's answer to the plan: a cost matrix when it takes addresses (the built-in server), else an ECS in JSON.</summary>
    private static async Task<UpstreamAnswer<UpstreamCostAnswer>> AskAsync(IAltoUpstream upstream, EndpointCostPlan plan, CancellationToken cancellationToken)
    {
        if (upstream is IEndpointCostMatrixUpstream matrixUpstream)
        {
            return matrixUpstream.TryGetEndpointCosts(plan.CostType, plan.AskedSources, plan.AskedDestinations, out var costs, out var failure)
                ? new UpstreamAnswer<UpstreamCostAnswer>(new UpstreamCostAnswer(null, costs))
                : new UpstreamAnswer<UpstreamCostAnswer>(failure!);
        }

        var answer = await upstream.EndpointCostAsync(plan.UpstreamRequest!, cancellationToken).ConfigureAwait(false);
        return answer.IsSuccess
            ? new UpstreamAnswer<UpstreamCostAnswer>(new UpstreamCostAnswer(answer.Value, null), answer.Tolerated)
            : new UpstreamAnswer<UpstreamCostAnswer>(answer.Failure, answer.Tolerated);
    }

    /// <summary>An upstream's ECS answer in one of its two forms.</summary>
    private sealed record UpstreamCostAnswer(EndpointCostResponse? Response, double[,]? Matrix);

    /// <summary>A third-party EPS, its names parsed here.</summary>
    public Task<ProxyOutcome<EndpointPropertyResponse>> EndpointPropertiesAsync(EndpointPropertyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return EndpointPropertiesAsync(request, Parse(request.Endpoints), cancellationToken);
    }

    /// <summary>A third-party EPS whose endpoints were parsed by <see cref="AltoGateway.Alto.Json.GatewayRequestReader"/>.</summary>
    public async Task<ProxyOutcome<EndpointPropertyResponse>> EndpointPropertiesAsync(
        EndpointPropertyRequest request,
        IReadOnlyList<GatewayEndpointName> endpoints,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoints);
        var plan = EndpointPropertyPlan.Create(request, Place(endpoints));
        if (plan.UpstreamRequest is not { } upstreamRequest)
        {
            return new(plan.Assemble(null, UpstreamNames.None, []), null, UpstreamNames.None, plan.Report);
        }

        if (_router is not null)
        {
            return await RoutedProxy.EndpointPropertiesAsync(_router, request, plan, cancellationToken).ConfigureAwait(false);
        }

        var result = await _chain.SendAsync(
            (upstream, ct) => upstream.EndpointPropertiesAsync(upstreamRequest, ct),
            AltoError.InvalidFieldValue("properties", request.Properties.Count > 0 ? request.Properties[0] : null),
            cancellationToken).ConfigureAwait(false);
        return result.IsSuccess
            ? new(plan.Assemble(result.Value, result.Upstream, result.Tolerated), null, result.Upstream, plan.Report)
            : new(null, result.Failure, result.Upstream, plan.Report);
    }

    private static List<GatewayEndpointName> Parse(List<string> texts)
    {
        var names = new List<GatewayEndpointName>(texts.Count);
        foreach (var text in texts)
        {
            // Checked by the reader; a name that still fails is the caller's bug, not bad input.
            if (!GatewayEndpointName.TryParse(text, out var name, out var error))
            {
                throw new ArgumentException($"'{text}' is not an endpoint name ({error}); read requests with EndpointNameGrammar.Gateway.", nameof(texts));
            }

            names.Add(name!);
        }

        return names;
    }

    private List<EndpointPlacement> Place(IReadOnlyList<GatewayEndpointName> names) => _placer.PlaceAll(names);
}

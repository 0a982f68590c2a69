using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Answers;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy.Routing;

/// <summary>
/// The proxy's requests when upstreams are chosen per source (discovery on): an ECS is split by source (RFC 8686
/// §4.4), each group of sources with the same route asked through its own chain, the rows merged into one answer in
/// the tracker's names; an EPS is grouped per address the same way (§4.3). A group nobody answers leaves its
/// endpoints unresolved ("upstream-no-answer") while the others are answered; only when no group is answered is the
/// first group's failure the tracker's answer. A split answer says which upstream answered which name
/// (<see cref="ProxyReport.UpstreamBySourceField"/>, <see cref="ProxyReport.UpstreamByEndpointField"/>).
/// </summary>
internal static class RoutedProxy
{
    public static async Task<ProxyOutcome<EndpointCostResponse>> EndpointCostAsync(
        IUpstreamRouter router, EndpointCostPlan plan, Func<UpstreamChain, EndpointCostPlan, CancellationToken, Task<ProxyOutcome<EndpointCostResponse>>> askWhole,
        CancellationToken cancellationToken)
    {
        var groups = await SourceRoutes.GroupAsync(router, plan.AskedSourcePlacements(), cancellationToken).ConfigureAwait(false);
        if (groups.Count == 1 && !groups[0].Route.KnowsOnlyPublicAddresses)
        {
            return await askWhole(groups[0].Route.Chain, plan, cancellationToken).ConfigureAwait(false);
        }

        var parts = groups.Select(g => plan.Part(g.Members, g.Route.KnowsOnlyPublicAddresses ? router.Scopes.AskForeignServerAs : null)).ToList();
        var results = await Task.WhenAll(groups.Select((g, i) => g.Route.Chain.SendAsync(
            (upstream, ct) => AskAsync(upstream, parts[i], ct), AltoError.InvalidFieldValue("cost-type"), cancellationToken))).ConfigureAwait(false);
        if (results.All(r => !r.IsSuccess))
        {
            return new(null, results[0].Failure, results[0].Upstream, plan.Report);
        }

        var tolerated = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            var result = results[i];
            tolerated.AddRange(result.Tolerated);
            if (result.IsSuccess)
            {
                parts[i].SetAnswer(result.Value.Response, result.Value.Matrix, result.Upstream);
            }

            if (groups.Count > 1)
            {
                foreach (var asked in groups[i].Members)
                {
                    foreach (var name in plan.SourceNames(asked))
                    {
                        plan.Report.AddUpstreamFor(ProxyReport.UpstreamBySourceField, name, result.IsSuccess ? result.Upstream : UpstreamNames.None);
                    }
                }
            }
        }

        var upstreamName = groups.Count == 1 ? results[0].Upstream : UpstreamNames.Several;
        return new(plan.AssembleParts(parts, upstreamName, tolerated), null, upstreamName, plan.Report);
    }

    public static async Task<ProxyOutcome<EndpointPropertyResponse>> EndpointPropertiesAsync(
        IUpstreamRouter router, EndpointPropertyRequest request, EndpointPropertyPlan plan, CancellationToken cancellationToken)
    {
        var asked = plan.AskedPlacements();
        var groups = await SourceRoutes.GroupAsync(router, asked, cancellationToken).ConfigureAwait(false);
        var unsupported = AltoError.InvalidFieldValue("properties", request.Properties.Count > 0 ? request.Properties[0] : null);
        var results = await Task.WhenAll(groups.Select(g =>
        {
            var part = plan.Part(g.Members.Select(m => asked[m].AskAsText).ToList());
            return g.Route.Chain.SendAsync((upstream, ct) => upstream.EndpointPropertiesAsync(part, ct), unsupported, cancellationToken);
        })).ConfigureAwait(false);
        if (results.All(r => !r.IsSuccess))
        {
            return new(null, results[0].Failure, results[0].Upstream, plan.Report);
        }

        if (groups.Count > 1)
        {
            for (var i = 0; i < groups.Count; i++)
            {
                foreach (var member in groups[i].Members)
                {
                    foreach (var name in plan.EndpointNames(asked[member].AskAsText))
                    {
                        plan.Report.AddUpstreamFor(ProxyReport.UpstreamByEndpointField, name, results[i].IsSuccess ? results[i].Upstream : UpstreamNames.None);
                    }
                }
            }
        }

        var upstreamName = groups.Count == 1 ? results[0].Upstream : UpstreamNames.Several;
        var answer = plan.AssembleParts(results.Select(r => r.Value).ToList(), upstreamName, results.SelectMany(r => r.Tolerated).ToList());
        return new(answer, null, upstreamName, plan.Report);
    }

    /// <summary>One upstream's answer to a part: a cost matrix when it takes addresses (the built-in server), else an ECS in JSON.</summary>
    private static async Task<UpstreamAnswer<PartAnswer>> AskAsync(IAltoUpstream upstream, EndpointCostPart part, CancellationToken cancellationToken)
    {
        if (upstream is IEndpointCostMatrixUpstream matrixUpstream)
        {
            return matrixUpstream.TryGetEndpointCosts(part.CostType, part.AskedSources, part.AskedDestinations, out var costs, out var failure)
                ? new UpstreamAnswer<PartAnswer>(new PartAnswer(null, costs))
                : new UpstreamAnswer<PartAnswer>(failure!);
        }

        var answer = await upstream.EndpointCostAsync(part.UpstreamRequest, cancellationToken).ConfigureAwait(false);
        return answer.IsSuccess
            ? new UpstreamAnswer<PartAnswer>(new PartAnswer(answer.Value, null), answer.Tolerated)
            : new UpstreamAnswer<PartAnswer>(answer.Failure, answer.Tolerated);
    }

    private sealed record PartAnswer(EndpointCostResponse? Response, double[,]? Matrix);
}

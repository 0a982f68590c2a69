using AltoGateway.Proxy.Placement;

namespace AltoGateway.Proxy.Routing;

/// <summary>
/// The routes of a request's asked endpoints, grouped: endpoints whose routes share a key form one group, asked in
/// one sub-request (RFC 8686 §4.4: split by source; §4.3: per address), in the order first named.
/// </summary>
internal static class SourceRoutes
{
    /// <summary>The groups of <paramref name="placements"/>: each route with the numbers of the placements it serves.</summary>
    public static async Task<List<(UpstreamRoute Route, List<int> Members)>> GroupAsync(
        IUpstreamRouter router, IReadOnlyList<EndpointPlacement> placements, CancellationToken cancellationToken)
    {
        var routes = new UpstreamRoute[placements.Count];
        List<(int Index, Task<UpstreamRoute> Route)>? pending = null;
        for (var i = 0; i < placements.Count; i++)
        {
            var placement = placements[i];
            var route = router.RouteAsync(placement.AskAs, router.Scopes.Classify(placement), cancellationToken);
            if (route.IsCompletedSuccessfully)
            {
                routes[i] = route.Result;
            }
            else
            {
                (pending ??= []).Add((i, route.AsTask())); // discovery under way: the lookups run side by side
            }
        }

        if (pending is not null)
        {
            await Task.WhenAll(pending.Select(p => p.Route)).ConfigureAwait(false);
            foreach (var (index, route) in pending)
            {
                routes[index] = await route.ConfigureAwait(false);
            }
        }

        var groups = new List<(UpstreamRoute Route, List<int> Members)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < routes.Length; i++)
        {
            if (!byKey.TryGetValue(routes[i].Key, out var group))
            {
                group = groups.Count;
                byKey.Add(routes[i].Key, group);
                groups.Add((routes[i], []));
            }

            groups[group].Members.Add(i);
        }

        return groups;
    }
}

using AltoGateway.Alto.Client.Http;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.MediaTypes;
using AltoGateway.Alto.Messages;

namespace AltoGateway.Alto.Client.Closure;

/// <summary>
/// Reads an IRD (RFC 7285 §9) and follows its delegated sub-IRDs (§9.2.4) depth first, up to a
/// depth limit and never twice. A sub-IRD that fails is reported, not fatal: its resources are missing.
/// </summary>
internal sealed class DirectoryClosureReader(AltoHttpExchange exchange, int maxDepth)
{
    public async Task<AltoResult<AltoDirectory>> ReadAsync(Uri root, CancellationToken cancellationToken)
    {
        var closure = new DirectoryClosure(root);
        var first = await FetchAsync(root, closure, cancellationToken).ConfigureAwait(false);
        if (first.Failure is { } failure)
        {
            return AltoResult.Failed<AltoDirectory>(failure, closure.Tolerances);
        }

        var defaultNetworkMap = first.Message!.Meta?.DefaultAltoNetworkMap;
        if (defaultNetworkMap is null)
        {
            closure.Inconsistent($"{root} is a root IRD without meta.default-alto-network-map (RFC 7285 §9.2.2)");
        }

        await AddAsync(closure, root, first.Message, 0, cancellationToken).ConfigureAwait(false);
        return AltoResult.Success(new AltoDirectory(root, closure.Resources, defaultNetworkMap), closure.Tolerances);
    }

    private async Task AddAsync(DirectoryClosure closure, Uri uri, InformationResourceDirectory directory, int depth, CancellationToken cancellationToken)
    {
        foreach (var sub in closure.Add(uri, directory))
        {
            if (!closure.Visited.Add(sub.Uri))
            {
                closure.Tolerances.Add(new(AltoToleranceKind.DirectoryLoop,
                    $"{uri} delegates '{sub.Id}' to {sub.Uri}, an IRD already read; not read again"));
                continue;
            }

            if (depth >= maxDepth)
            {
                closure.Tolerances.Add(new(AltoToleranceKind.SubDirectoryFailed,
                    $"{uri} delegates '{sub.Id}' to {sub.Uri}, deeper than {maxDepth} levels of sub-IRDs; not read"));
                continue;
            }

            var outcome = await FetchAsync(sub.Uri, closure, cancellationToken).ConfigureAwait(false);
            if (outcome.Failure is { } failure)
            {
                closure.Tolerances.Add(new(AltoToleranceKind.SubDirectoryFailed,
                    $"{uri} delegates '{sub.Id}' to {sub.Uri}, which failed: {failure.Kind}: {failure.Message}"));
                continue;
            }

            await AddAsync(closure, sub.Uri, outcome.Message!, depth + 1, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<AltoExchangeOutcome<InformationResourceDirectory>> FetchAsync(Uri uri, DirectoryClosure closure, CancellationToken cancellationToken) =>
        exchange.ReadAsync<InformationResourceDirectory>(
            AltoRequest.Get(uri, AltoMediaTypes.Directory), AltoJsonReader.TryReadDirectory, closure.Tolerances, cancellationToken);
}

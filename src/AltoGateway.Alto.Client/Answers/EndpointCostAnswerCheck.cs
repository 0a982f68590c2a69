using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Client.Http;
using AltoGateway.Alto.Messages;

namespace AltoGateway.Alto.Client.Answers;

/// <summary>
/// Checks an ECS answer (RFC 7285 §11.5.1.6) against its request: re-keyed canonically, unrequested
/// entries dropped, and every requested source or pair that is missing listed. With constraints a
/// missing pair is expected (§11.5.1.3: only pairs meeting them are returned), so none is listed.
/// </summary>
internal static class EndpointCostAnswerCheck
{
    public static void Apply(EndpointCostResponse answer, EndpointCostRequest sent, AltoRequest request, List<AltoTolerance> tolerances, EndpointNameGrammar grammar)
    {
        var srcs = sent.Endpoints.Srcs ?? [];
        var dsts = sent.Endpoints.Dsts;
        var srcSet = srcs.ToHashSet(StringComparer.Ordinal);
        var dstSet = dsts.ToHashSet(StringComparer.Ordinal);
        var keys = new AnswerKeys(grammar);
        var map = keys.Rekey(answer.EndpointCostMap, srcSet);
        foreach (var src in map.Keys.ToList())
        {
            map[src] = keys.Rekey(map[src], dstSet);
        }

        answer.EndpointCostMap = map;
        keys.Report(request, tolerances);
        if (sent.Constraints is { Count: > 0 })
        {
            return;
        }

        var missingSources = srcs.Where(s => !map.ContainsKey(s)).ToList();
        var missingPairs = map.SelectMany(row => dsts.Where(d => !row.Value.ContainsKey(d)).Select(d => row.Key + "→" + d)).ToList();
        var parts = new List<string>(2);
        if (missingSources.Count > 0)
        {
            parts.Add("sources " + AnswerKeys.Join(missingSources));
        }

        if (missingPairs.Count > 0)
        {
            parts.Add("pairs " + AnswerKeys.Join(missingPairs));
        }

        if (parts.Count > 0)
        {
            tolerances.Add(new(AltoToleranceKind.DroppedEndpoints, $"{request} left out {string.Join("; ", parts)}"));
        }
    }
}

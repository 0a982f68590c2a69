using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Client.Http;

namespace AltoGateway.Alto.Client.Answers;

/// <summary>
/// Re-keys an ECS or EPS answer by the canonical text of the addresses asked for: keys that name a
/// requested address in another spelling ("ipv6:2001:DB8::1") are re-keyed, keys nobody asked for
/// are dropped. Both are collected for one tolerance each.
/// </summary>
internal sealed class AnswerKeys(EndpointNameGrammar grammar)
{
    private readonly List<string> _nonCanonical = [];
    private readonly List<string> _unrequested = [];

    /// <summary>The entries of <paramref name="answer"/> for <paramref name="requested"/> (canonical texts), keyed canonically.</summary>
    public Dictionary<string, T> Rekey<T>(Dictionary<string, T> answer, IReadOnlySet<string> requested)
    {
        var rekeyed = new Dictionary<string, T>(answer.Count, StringComparer.Ordinal);
        foreach (var (key, value) in answer)
        {
            if (!CanonicalRequests.TryCanonical(key, grammar, out var canonical) || !requested.Contains(canonical))
            {
                _unrequested.Add(key);
                continue;
            }

            if (!string.Equals(key, canonical, StringComparison.Ordinal))
            {
                _nonCanonical.Add(key + " → " + canonical);
            }

            // Two spellings of one address: the first answer counts.
            rekeyed.TryAdd(canonical, value);
        }

        return rekeyed;
    }

    /// <summary>Adds a NonCanonicalAddress and an UnrequestedEndpoints tolerance where there was any.</summary>
    public void Report(AltoRequest request, List<AltoTolerance> tolerances)
    {
        if (_nonCanonical.Count > 0)
        {
            tolerances.Add(new(AltoToleranceKind.NonCanonicalAddress,
                $"{request} keyed its answer by non-canonical addresses, re-keyed: {Join(_nonCanonical)}"));
        }

        if (_unrequested.Count > 0)
        {
            tolerances.Add(new(AltoToleranceKind.UnrequestedEndpoints,
                $"{request} answered for endpoints not asked for, dropped: {Join(_unrequested)}"));
        }
    }

    public static string Join(IEnumerable<string> items) => string.Join(", ", items.Distinct(StringComparer.Ordinal));
}

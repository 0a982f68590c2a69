using AltoGateway.Alto.Addressing;

namespace AltoGateway.Proxy.Answers;

/// <summary>
/// An upstream answer's rows found by canonical address text (RFC 7285 §10.4: addresses compare as
/// addresses), so "ipv6:2001:DB8::1" from a sloppy server finds the "ipv6:2001:db8::1" asked for.
/// The answer is looked up as it is first; only when a key is missing is it re-keyed once, so a
/// server that writes canonical text (the built-in one, most others) costs no parsing. Keys that
/// are not addresses are ignored.
/// </summary>
internal sealed class UpstreamKeys<T>(IReadOnlyDictionary<string, T>? answer)
{
    private Dictionary<string, T>? _canonical;

    public bool TryGetValue(string canonicalKey, out T value)
    {
        value = default!;
        if (answer is null)
        {
            return false;
        }

        if (answer.TryGetValue(canonicalKey, out value!))
        {
            return true;
        }

        return (_canonical ??= Canonical(answer)).TryGetValue(canonicalKey, out value!);
    }

    private static Dictionary<string, T> Canonical(IReadOnlyDictionary<string, T> answer)
    {
        var canonical = new Dictionary<string, T>(answer.Count, StringComparer.Ordinal);
        foreach (var (key, value) in answer)
        {
            if (TypedEndpointAddress.TryParse(key, out var address, out _))
            {
                canonical.TryAdd(address.ToString(), value);
            }
        }

        return canonical;
    }
}

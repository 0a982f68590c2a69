using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Messages;

namespace AltoGateway.Alto.Client.Answers;

/// <summary>
/// Copies of ECS and EPS requests with every address (or, for AltoGateway's proxy, every endpoint
/// name) in canonical text (RFC 7285 §10.4.3: RFC 5952 for IPv6) and duplicates removed, so that answers can be matched, and looked up, by that text.
/// Texts that do not parse are left as they are, for the writer to refuse.
/// </summary>
internal static class CanonicalRequests
{
    public static EndpointCostRequest Of(EndpointCostRequest request, EndpointNameGrammar grammar) => new()
    {
        CostType = request.CostType,
        Constraints = request.Constraints,
        Endpoints = new EndpointFilter
        {
            Srcs = request.Endpoints.Srcs is { } srcs ? Addresses(srcs, grammar) : null,
            Dsts = Addresses(request.Endpoints.Dsts, grammar),
            ExtensionData = request.Endpoints.ExtensionData,
        },
        ExtensionData = request.ExtensionData,
    };

    public static EndpointPropertyRequest Of(EndpointPropertyRequest request, EndpointNameGrammar grammar) => new()
    {
        Properties = request.Properties,
        Endpoints = Addresses(request.Endpoints, grammar),
        ExtensionData = request.ExtensionData,
    };

    /// <summary>The canonical text of <paramref name="text"/>, when it is an endpoint name of <paramref name="grammar"/>.</summary>
    public static bool TryCanonical(string text, EndpointNameGrammar grammar, out string canonical)
    {
        if (grammar == EndpointNameGrammar.Gateway)
        {
            var isName = GatewayEndpointName.TryParse(text, out var name, out _);
            canonical = isName ? name!.ToCanonicalString() : text;
            return isName;
        }

        var ok = TypedEndpointAddress.TryParse(text, out var address, out _);
        canonical = ok ? address.ToString() : text;
        return ok;
    }

    private static List<string> Addresses(IEnumerable<string> texts, EndpointNameGrammar grammar) =>
        texts.Select(t => TryCanonical(t, grammar, out var canonical) ? canonical : t).Distinct(StringComparer.Ordinal).ToList();
}

using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Json.Schema;
using AltoGateway.Alto.Messages;
using static AltoGateway.Alto.Json.AltoValueRules;

namespace AltoGateway.Alto.Json;

/// <summary>
/// Reads the third-party proxy's requests: the ECS and EPS of RFC 7285 with endpoints named by
/// <see cref="GatewayEndpointName"/>. Checks exactly as <see cref="AltoJsonReader"/> does with
/// <see cref="EndpointNameGrammar.Gateway"/> (same errors, same order), and hands back every name
/// parsed, so the proxy parses each once.
/// </summary>
public static class GatewayRequestReader
{
    /// <summary>An ECS request (§11.5.1.3) and its sources and destinations, parsed.</summary>
    public static bool TryReadEndpointCostRequest(
        ReadOnlyMemory<byte> utf8,
        out EndpointCostRequest? request,
        out IReadOnlyList<GatewayEndpointName> srcs,
        out IReadOnlyList<GatewayEndpointName> dsts,
        out AltoError? error)
    {
        var parsedSrcs = new List<GatewayEndpointName>();
        var parsedDsts = new List<GatewayEndpointName>();
        var ok = AltoMessageReader.TryRead(utf8, AltoMessageShapes.EndpointCostRequest, AltoJsonContext.Default.EndpointCostRequest,
            r => FirstOf(
                () => CheckCostType(r.CostType, "cost-type", null, strict: false),
                () => CheckConstraints(r.Constraints, "constraints"),
                () => Parse(r.Endpoints.Srcs, "endpoints/srcs", parsedSrcs),
                () => Parse(r.Endpoints.Dsts, "endpoints/dsts", parsedDsts),
                () => parsedSrcs.Count == 0 && parsedDsts.Count == 0 ? AltoError.InvalidFieldValue("endpoints") : null),
            out request, out error);
        srcs = ok ? parsedSrcs : [];
        dsts = ok ? parsedDsts : [];
        return ok;
    }

    /// <summary>An EPS request (§11.4.1.3) and its endpoints, parsed.</summary>
    public static bool TryReadEndpointPropertyRequest(
        ReadOnlyMemory<byte> utf8,
        out EndpointPropertyRequest? request,
        out IReadOnlyList<GatewayEndpointName> endpoints,
        out AltoError? error)
    {
        var parsed = new List<GatewayEndpointName>();
        var ok = AltoMessageReader.TryRead(utf8, AltoMessageShapes.EndpointPropertyRequest, AltoJsonContext.Default.EndpointPropertyRequest,
            r => FirstOf(
                () => AltoJsonReader.CheckProperties(r),
                () => r.Endpoints.Count == 0 ? AltoError.InvalidFieldValue("endpoints") : Parse(r.Endpoints, "endpoints", parsed)),
            out request, out error);
        endpoints = ok ? parsed : [];
        return ok;
    }

    /// <summary>§10.4.1 for the gateway grammar: a bad element is the array's bad value (§8.5.2).</summary>
    private static AltoError? Parse(List<string>? texts, string path, List<GatewayEndpointName> into)
    {
        if (texts is null)
        {
            return null;
        }

        into.Capacity = texts.Count;
        foreach (var text in texts)
        {
            if (!GatewayEndpointName.TryParse(text, out var name, out _))
            {
                return AltoError.InvalidFieldValue(path, text);
            }

            into.Add(name!);
        }

        return null;
    }
}

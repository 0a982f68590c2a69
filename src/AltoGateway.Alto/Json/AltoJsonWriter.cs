using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Identifiers;
using AltoGateway.Alto.Messages;
using AltoGateway.Alto.NetworkMaps;
using static AltoGateway.Alto.Json.AltoValueRules;

namespace AltoGateway.Alto.Json;

/// <summary>
/// Writes RFC 7285 messages strictly: a message that breaks the RFC is caller misuse and throws
/// <see cref="AltoValidationException"/> carrying the error a receiver would send. Unknown fields
/// read earlier are written back (§8.3.7).
/// </summary>
public static class AltoJsonWriter
{
    /// <summary>An IRD (§9.2): resource ids (§10.2), uri and media-type present, cost-type names defined in meta.</summary>
    public static byte[] Write(InformationResourceDirectory directory) => Serialize(directory, AltoJsonContext.Default.InformationResourceDirectory, d =>
    {
        var costTypes = d.Meta?.CostTypes ?? [];
        foreach (var (name, costType) in costTypes)
        {
            if (CheckCostType(costType, "meta/cost-types/" + name, null, strict: true) is { } e)
            {
                return e;
            }
        }

        foreach (var (id, entry) in d.Resources)
        {
            var path = "resources/" + id;
            if (!AltoName.IsValidResourceId(id))
            {
                return AltoError.InvalidFieldValue("resources", id);
            }

            if (string.IsNullOrEmpty(entry.Uri))
            {
                return AltoError.MissingField(path + "/uri");
            }

            if (string.IsNullOrEmpty(entry.MediaType))
            {
                return AltoError.MissingField(path + "/media-type");
            }

            if (entry.Capabilities?.CostTypeNames?.FirstOrDefault(n => !costTypes.ContainsKey(n)) is { } undefined)
            {
                return AltoError.InvalidFieldValue(path + "/capabilities/cost-type-names", undefined);
            }
        }

        return null;
    });

    /// <summary>A network map (§11.2.1.6): vtag, and a map <see cref="NetworkMapValidator"/> accepts.</summary>
    public static byte[] Write(NetworkMapResponse map) => Serialize(map, AltoJsonContext.Default.NetworkMapResponse, m =>
        CheckVtag(m.Meta.Vtag, "meta/vtag")
        ?? (NetworkMapValidator.Validate(m.NetworkMap) is [var first, ..]
            ? AltoError.InvalidFieldValue("network-map", first.Value)
            : null));

    /// <summary>A cost map (§11.2.3.6): one dependent vtag, a known cost type, PID names, costs fitting the mode.</summary>
    public static byte[] Write(CostMapResponse map) => Serialize(map, AltoJsonContext.Default.CostMapResponse, m => FirstOf(
        () => m.Meta.DependentVtags is [var vtag] ? CheckVtag(vtag, "meta/dependent-vtags") : AltoError.InvalidFieldValue("meta/dependent-vtags"),
        () => m.Meta.CostType is null ? AltoError.MissingField("meta/cost-type") : CheckCostType(m.Meta.CostType, "meta/cost-type", null, strict: true),
        () => CheckPidNames(m.CostMap.Keys, "cost-map"),
        () => CheckPidNames(m.CostMap.Values.SelectMany(row => row.Keys), "cost-map"),
        () => CheckCosts(m.CostMap, m.Meta.CostType!.CostMode, "cost-map")));

    /// <summary>A filtered cost map request (§11.3.2.3).</summary>
    public static byte[] Write(FilteredCostMapRequest request) => Serialize(request, AltoJsonContext.Default.FilteredCostMapRequest, r => FirstOf(
        () => CheckCostType(r.CostType, "cost-type", null, strict: true),
        () => CheckConstraints(r.Constraints, "constraints"),
        () => CheckPidNames(r.Pids?.Srcs ?? [], "pids/srcs"),
        () => CheckPidNames(r.Pids?.Dsts ?? [], "pids/dsts")));

    /// <summary>
    /// An ECS request (§11.5.1.3). Both srcs and dsts must be non-empty: an empty list would make the
    /// server substitute the sender's own address (§13.3), which is never what a proxy means.
    /// </summary>
    /// <remarks>With <see cref="EndpointNameGrammar.Gateway"/>: a request to AltoGateway's proxy, which may name peers by its extension types.</remarks>
    public static byte[] Write(EndpointCostRequest request, EndpointNameGrammar grammar = EndpointNameGrammar.Rfc7285) =>
        Serialize(request, AltoJsonContext.Default.EndpointCostRequest, r => FirstOf(
            () => CheckCostType(r.CostType, "cost-type", null, strict: true),
            () => CheckConstraints(r.Constraints, "constraints"),
            () => CheckAddresses(r.Endpoints.Srcs, "endpoints/srcs", requireAny: true, grammar),
            () => CheckAddresses(r.Endpoints.Dsts, "endpoints/dsts", requireAny: true, grammar)));

    /// <summary>An ECS response (§11.5.1.6): cost-type in meta, addresses as keys, costs fitting the mode.</summary>
    /// <remarks>With <see cref="EndpointNameGrammar.Gateway"/>: the proxy's answer, keyed by the names the tracker used.</remarks>
    public static byte[] Write(EndpointCostResponse response, EndpointNameGrammar grammar = EndpointNameGrammar.Rfc7285) => Serialize(response, AltoJsonContext.Default.EndpointCostResponse, r => FirstOf(
        () => r.Meta.CostType is null ? AltoError.MissingField("meta/cost-type") : CheckCostType(r.Meta.CostType, "meta/cost-type", null, strict: true),
        () => CheckAddresses(r.EndpointCostMap.Keys, "endpoint-cost-map", requireAny: false, grammar),
        () => CheckAddresses(r.EndpointCostMap.Values.SelectMany(row => row.Keys), "endpoint-cost-map", requireAny: false, grammar),
        () => CheckCosts(r.EndpointCostMap, r.Meta.CostType!.CostMode, "endpoint-cost-map")));

    /// <summary>
    /// The third-party proxy's ECS answer (§11.5.1.6): cost-type in meta and costs fitting the mode
    /// are checked; the keys are not parsed again, because they are the tracker's own names, every one
    /// parsed by <see cref="GatewayRequestReader"/> before the answer was built from them.
    /// </summary>
    public static byte[] WriteInTrackersNames(EndpointCostResponse response) => Serialize(response, AltoJsonContext.Default.EndpointCostResponse, r => FirstOf(
        () => r.Meta.CostType is null ? AltoError.MissingField("meta/cost-type") : CheckCostType(r.Meta.CostType, "meta/cost-type", null, strict: true),
        () => CheckCosts(r.EndpointCostMap, r.Meta.CostType!.CostMode, "endpoint-cost-map")));

    /// <summary>An EPS request (§11.4.1.3).</summary>
    /// <remarks>With <see cref="EndpointNameGrammar.Gateway"/>: a request to AltoGateway's proxy, which may name peers by its extension types.</remarks>
    public static byte[] Write(EndpointPropertyRequest request, EndpointNameGrammar grammar = EndpointNameGrammar.Rfc7285) =>
        Serialize(request, AltoJsonContext.Default.EndpointPropertyRequest, r => AltoJsonReader.CheckEndpointPropertyRequest(r, grammar));

    /// <summary>An EPS response (§11.4.1.6): addresses as keys, valid property names.</summary>
    /// <remarks>With <see cref="EndpointNameGrammar.Gateway"/>: the proxy's answer, keyed by the names the tracker used.</remarks>
    public static byte[] Write(EndpointPropertyResponse response, EndpointNameGrammar grammar = EndpointNameGrammar.Rfc7285) => Serialize(response, AltoJsonContext.Default.EndpointPropertyResponse, r => FirstOf(
        () => CheckAddresses(r.EndpointProperties.Keys, "endpoint-properties", requireAny: false, grammar),
        () => r.EndpointProperties.Values.SelectMany(p => p.Keys).FirstOrDefault(p => !PropertyName.IsValid(p)) is { } bad
            ? AltoError.InvalidFieldValue("endpoint-properties", bad)
            : null));

    /// <summary>An application/alto-error+json body (§8.5.1).</summary>
    public static byte[] Write(AltoError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return JsonSerializer.SerializeToUtf8Bytes(new AltoErrorDocument(error), AltoJsonContext.Default.AltoErrorDocument);
    }

    private static byte[] Serialize<T>(T message, JsonTypeInfo<T> typeInfo, Func<T, AltoError?> check)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        if (check(message) is { } error)
        {
            throw new AltoValidationException(error);
        }

        return JsonSerializer.SerializeToUtf8Bytes(message, typeInfo);
    }
}

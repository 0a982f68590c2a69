using System.Text.Json;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Identifiers;
using AltoGateway.Alto.Json.Schema;
using AltoGateway.Alto.Messages;
using static AltoGateway.Alto.Json.AltoValueRules;

namespace AltoGateway.Alto.Json;

/// <summary>
/// Reads RFC 7285 messages leniently: unknown fields are kept (§8.3.7), unknown cost modes and
/// metrics are tolerated. On bad input each TryRead returns false and the one ALTO error to send
/// (§8.5): E_SYNTAX, E_MISSING_FIELD, E_INVALID_FIELD_TYPE or E_INVALID_FIELD_VALUE with its field.
/// </summary>
public static class AltoJsonReader
{
    /// <summary>An IRD (§9.2).</summary>
    public static bool TryReadDirectory(ReadOnlyMemory<byte> utf8, out InformationResourceDirectory? directory, out AltoError? error) =>
        AltoMessageReader.TryRead(utf8, AltoMessageShapes.Directory, AltoJsonContext.Default.InformationResourceDirectory,
            _ => null, out directory, out error);

    /// <summary>A network map (§11.2.1.6). Completeness and overlaps are checked by <see cref="NetworkMaps.NetworkMap.TryCreate(NetworkMapResponse, out NetworkMaps.NetworkMap?, out IReadOnlyList{NetworkMaps.NetworkMapProblem})"/>.</summary>
    public static bool TryReadNetworkMap(ReadOnlyMemory<byte> utf8, out NetworkMapResponse? map, out AltoError? error) =>
        AltoMessageReader.TryRead(utf8, AltoMessageShapes.NetworkMap, AltoJsonContext.Default.NetworkMapResponse,
            _ => null, out map, out error);

    /// <summary>A cost map or filtered cost map (§11.2.3.6).</summary>
    public static bool TryReadCostMap(ReadOnlyMemory<byte> utf8, out CostMapResponse? map, out AltoError? error) =>
        AltoMessageReader.TryRead(utf8, AltoMessageShapes.CostMap, AltoJsonContext.Default.CostMapResponse,
            _ => null, out map, out error);

    /// <summary>
    /// A filtered network map request (§11.3.1.3). PID names and address types are not checked:
    /// unknown ones are ignored (§11.3.1.3).
    /// </summary>
    public static bool TryReadNetworkMapFilterRequest(ReadOnlyMemory<byte> utf8, out NetworkMapFilterRequest? request, out AltoError? error) =>
        AltoMessageReader.TryRead(utf8, AltoMessageShapes.NetworkMapFilterRequest, AltoJsonContext.Default.NetworkMapFilterRequest,
            _ => null, out request, out error);

    /// <summary>
    /// A filtered cost map request (§11.3.2.3). With <paramref name="supportedCostTypes"/> a cost type
    /// outside it is E_INVALID_FIELD_VALUE. PID names are not checked: unknown PIDs are ignored.
    /// </summary>
    public static bool TryReadFilteredCostMapRequest(
        ReadOnlyMemory<byte> utf8,
        out FilteredCostMapRequest? request,
        out AltoError? error,
        IReadOnlyCollection<CostType>? supportedCostTypes = null) =>
        AltoMessageReader.TryRead(utf8, AltoMessageShapes.FilteredCostMapRequest, AltoJsonContext.Default.FilteredCostMapRequest,
            r => FirstOf(
                () => CheckCostType(r.CostType, "cost-type", supportedCostTypes, strict: false),
                () => CheckConstraints(r.Constraints, "constraints")),
            out request, out error);

    /// <summary>
    /// An ECS request (§11.5.1.3): every address valid; srcs and dsts each optional (empty or absent
    /// means the client's own address) but not both empty (E_INVALID_FIELD_VALUE on "endpoints"). With
    /// <see cref="EndpointNameGrammar.Gateway"/> the endpoints may also be AltoGateway's extension names.
    /// </summary>
    public static bool TryReadEndpointCostRequest(
        ReadOnlyMemory<byte> utf8,
        out EndpointCostRequest? request,
        out AltoError? error,
        IReadOnlyCollection<CostType>? supportedCostTypes = null,
        EndpointNameGrammar grammar = EndpointNameGrammar.Rfc7285) =>
        AltoMessageReader.TryRead(utf8, AltoMessageShapes.EndpointCostRequest, AltoJsonContext.Default.EndpointCostRequest,
            r => FirstOf(
                () => CheckCostType(r.CostType, "cost-type", supportedCostTypes, strict: false),
                () => CheckConstraints(r.Constraints, "constraints"),
                () => CheckAddresses(r.Endpoints.Srcs, "endpoints/srcs", requireAny: false, grammar),
                () => CheckAddresses(r.Endpoints.Dsts, "endpoints/dsts", requireAny: false, grammar),
                () => r.Endpoints.Srcs is not { Count: > 0 } && r.Endpoints.Dsts is not { Count: > 0 } ? AltoError.InvalidFieldValue("endpoints") : null),
            out request, out error);

    /// <summary>An ECS response (§11.5.1.6).</summary>
    public static bool TryReadEndpointCostResponse(ReadOnlyMemory<byte> utf8, out EndpointCostResponse? response, out AltoError? error) =>
        AltoMessageReader.TryRead(utf8, AltoMessageShapes.EndpointCostResponse, AltoJsonContext.Default.EndpointCostResponse,
            _ => null, out response, out error);

    /// <summary>
    /// An EPS request (§11.4.1.3): property names (§10.8) and addresses valid, neither list empty.
    /// With <see cref="EndpointNameGrammar.Gateway"/> the endpoints may also be AltoGateway's extension names.
    /// </summary>
    public static bool TryReadEndpointPropertyRequest(
        ReadOnlyMemory<byte> utf8,
        out EndpointPropertyRequest? request,
        out AltoError? error,
        EndpointNameGrammar grammar = EndpointNameGrammar.Rfc7285) =>
        AltoMessageReader.TryRead(utf8, AltoMessageShapes.EndpointPropertyRequest, AltoJsonContext.Default.EndpointPropertyRequest,
            r => CheckEndpointPropertyRequest(r, grammar), out request, out error);

    /// <summary>An EPS response (§11.4.1.6).</summary>
    public static bool TryReadEndpointPropertyResponse(ReadOnlyMemory<byte> utf8, out EndpointPropertyResponse? response, out AltoError? error) =>
        AltoMessageReader.TryRead(utf8, AltoMessageShapes.EndpointPropertyResponse, AltoJsonContext.Default.EndpointPropertyResponse,
            _ => null, out response, out error);

    /// <summary>
    /// An error body from a server (§8.5.1), leniently: any code is kept, a non-string value is kept
    /// as its JSON text. False when the body is not an ALTO error at all (an HTML page, say).
    /// </summary>
    public static bool TryReadError(ReadOnlyMemory<byte> utf8, out AltoError? serverError)
    {
        serverError = null;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || AltoMessageShapes.ErrorDocument.Check(root, "") is not null)
            {
                return false;
            }

            var meta = root.GetProperty("meta");
            serverError = AltoError.FromServer(
                meta.GetProperty("code").GetString()!,
                meta.TryGetProperty("field", out var field) ? field.GetString() : null,
                meta.TryGetProperty("value", out var value) ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) : null,
                meta.TryGetProperty("syntax-error", out var syntax) ? syntax.GetString() : null);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static AltoError? CheckEndpointPropertyRequest(EndpointPropertyRequest r, EndpointNameGrammar grammar = EndpointNameGrammar.Rfc7285) => FirstOf(
        () => CheckProperties(r),
        () => CheckAddresses(r.Endpoints, "endpoints", requireAny: true, grammar));

    /// <summary>§11.4.1.3: at least one property, each a valid property name (§10.8).</summary>
    internal static AltoError? CheckProperties(EndpointPropertyRequest r) => FirstOf(
        () => r.Properties.Count == 0 ? AltoError.InvalidFieldValue("properties") : null,
        () => r.Properties.FirstOrDefault(p => !PropertyName.IsValid(p)) is { } bad ? AltoError.InvalidFieldValue("properties", bad) : null);
}

using System.Text.Json.Serialization;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Messages;

namespace AltoGateway.Alto.Json;

/// <summary>
/// Source-generated (trimming- and AOT-safe) serialisation of every RFC 7285 message. Absent
/// optional fields are not written; strict number handling; no comments or trailing commas.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(InformationResourceDirectory))]
[JsonSerializable(typeof(NetworkMapResponse))]
[JsonSerializable(typeof(CostMapResponse))]
[JsonSerializable(typeof(NetworkMapFilterRequest))]
[JsonSerializable(typeof(FilteredCostMapRequest))]
[JsonSerializable(typeof(EndpointCostRequest))]
[JsonSerializable(typeof(EndpointCostResponse))]
[JsonSerializable(typeof(EndpointPropertyRequest))]
[JsonSerializable(typeof(EndpointPropertyResponse))]
[JsonSerializable(typeof(AltoErrorDocument))]
public sealed partial class AltoJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace AltoGateway.Host.Control;

/// <summary>The answer to a subscriber lookup on the control socket.</summary>
internal sealed record ResolutionDocument(string Query, string Outcome, string? Subscriber, string Source, string Reason);

/// <summary>One NAT mapping in a listing.</summary>
internal sealed record MappingDocument(
    string Protocol,
    string Internal,
    string External,
    string Source,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset? Expires);

/// <summary>The answer to <c>nat list</c>.</summary>
internal sealed record MappingListDocument(int Total, int Subscribers, IReadOnlyList<MappingDocument> Mappings);

/// <summary>An error of the control socket (bad query).</summary>
internal sealed record ControlErrorDocument(string Error);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ResolutionDocument))]
[JsonSerializable(typeof(MappingListDocument))]
[JsonSerializable(typeof(ControlErrorDocument))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Errors;

/// <summary>The body of an application/alto-error+json response: {"meta": error} (RFC 7285 §8.5.1).</summary>
public sealed record AltoErrorDocument([property: JsonPropertyName("meta")] AltoError Meta);

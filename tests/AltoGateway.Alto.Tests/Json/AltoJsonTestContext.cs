using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Tests.Json;

/// <summary>Source-generated JSON for the tests' own needs (escaping a string).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class AltoJsonTestContext : JsonSerializerContext;

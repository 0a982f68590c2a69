using System.Text.Json;
using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Messages;

/// <summary>An EPS request, application/alto-endpointpropparams+json (RFC 7285 §11.4.1.3).</summary>
public sealed class EndpointPropertyRequest
{
    /// <summary>Property names, e.g. "my-default-network-map.pid" (§10.8).</summary>
    [JsonPropertyName("properties")]
    public List<string> Properties { get; set; } = [];

    /// <summary>Typed endpoint addresses.</summary>
    [JsonPropertyName("endpoints")]
    public List<string> Endpoints { get; set; } = [];

    /// <summary>Fields this version does not know, kept (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

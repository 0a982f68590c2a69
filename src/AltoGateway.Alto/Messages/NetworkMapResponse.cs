using System.Text.Json;
using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Messages;

/// <summary>
/// A network map, application/alto-networkmap+json (RFC 7285 §11.2.1.6): PID → EndpointAddrGroup,
/// an address type → prefixes (§10.4.5). Unknown address types are kept, not dropped (§11.2.1.6).
/// </summary>
public sealed class NetworkMapResponse
{
    /// <summary>The vtag (a MUST).</summary>
    [JsonPropertyName("meta")]
    public ResponseMeta Meta { get; set; } = new();

    /// <summary>PID → address type → prefix texts.</summary>
    [JsonPropertyName("network-map")]
    public Dictionary<string, Dictionary<string, List<string>>> NetworkMap { get; set; } = [];

    /// <summary>Fields this version does not know, kept (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

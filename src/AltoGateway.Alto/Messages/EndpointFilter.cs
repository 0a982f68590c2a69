using System.Text.Json;
using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Messages;

/// <summary>
/// The "endpoints" of an ECS request (RFC 7285 §11.5.1.3). Each list is optional: when one is empty
/// or absent the server substitutes the client's own address (§11.5.1.3, §13.3); they must not both be empty.
/// </summary>
public sealed class EndpointFilter
{
    /// <summary>Source typed endpoint addresses.</summary>
    [JsonPropertyName("srcs")]
    public List<string>? Srcs { get; set; }

    /// <summary>Destination typed endpoint addresses.</summary>
    [JsonPropertyName("dsts")]
    public List<string> Dsts { get; set; } = [];

    /// <summary>Fields this version does not know, kept (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

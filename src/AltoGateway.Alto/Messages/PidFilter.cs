using System.Text.Json;
using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Messages;

/// <summary>The "pids" of a filtered cost map request (RFC 7285 §11.3.2.3); empty or absent means all.</summary>
public sealed class PidFilter
{
    /// <summary>Source PIDs.</summary>
    [JsonPropertyName("srcs")]
    public List<string>? Srcs { get; set; }

    /// <summary>Destination PIDs.</summary>
    [JsonPropertyName("dsts")]
    public List<string>? Dsts { get; set; }

    /// <summary>Fields this version does not know, kept (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

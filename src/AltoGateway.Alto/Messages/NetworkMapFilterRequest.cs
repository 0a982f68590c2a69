using System.Text.Json;
using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Messages;

/// <summary>
/// A filtered network map request, application/alto-networkmapfilter+json (RFC 7285 §11.3.1.3):
/// the PIDs and address types wanted. Empty means all; duplicates count once; unknown items are ignored.
/// </summary>
public sealed class NetworkMapFilterRequest
{
    /// <summary>PID names (required, may be empty).</summary>
    [JsonPropertyName("pids")]
    public List<string> Pids { get; set; } = [];

    /// <summary>Optional address types ("ipv4", "ipv6").</summary>
    [JsonPropertyName("address-types")]
    public List<string>? AddressTypes { get; set; }

    /// <summary>Fields this version does not know, kept (§8.3.7).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

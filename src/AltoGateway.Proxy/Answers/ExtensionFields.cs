using System.Text.Json;

namespace AltoGateway.Proxy.Answers;

/// <summary>Unknown JSON fields (RFC 7285 §8.3.7) carried from one message to the next.</summary>
internal static class ExtensionFields
{
    public static Dictionary<string, JsonElement>? Copy(IDictionary<string, JsonElement>? fields) =>
        fields is null ? null : new(fields, StringComparer.Ordinal);
}

using System.Text.Json;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Placement;

namespace AltoGateway.Proxy.Tests.Answers;

/// <summary>Placements and report fields written by hand, for the plans (which take placements, not a NAT).</summary>
internal static class Placements
{
    /// <summary>Placed: <paramref name="name"/> asked as <paramref name="askAs"/> (itself when null).</summary>
    public static EndpointPlacement At(string name, string? askAs = null, bool insideLan = false, string? approximation = null) =>
        EndpointPlacement.Placed(NatFixture.Name(name), askAs is null ? NatFixture.Name(name).Address : TypedEndpointAddress.Parse(askAs), insideLan, approximation);

    public static EndpointPlacement Not(string name, UnresolvedReason reason) => EndpointPlacement.Not(NatFixture.Name(name), reason);

    /// <summary>A JSON value written as text.</summary>
    public static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>One extension field of meta, as compact JSON text; null when absent.</summary>
    public static string? Field(ResponseMeta meta, string name) =>
        meta.ExtensionData is { } fields && fields.TryGetValue(name, out var value) ? value.GetRawText() : null;

    /// <summary>The "altogw-unresolved" field as name → reason code.</summary>
    public static Dictionary<string, string> UnresolvedCodes(ResponseMeta meta)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (meta.ExtensionData is { } fields && fields.TryGetValue("altogw-unresolved", out var unresolved))
        {
            foreach (var entry in unresolved.EnumerateObject())
            {
                codes.Add(entry.Name, entry.Value.GetProperty("reason").GetString()!);
            }
        }

        return codes;
    }
}

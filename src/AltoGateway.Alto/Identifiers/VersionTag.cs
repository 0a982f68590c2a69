using System.Text.Json.Serialization;

namespace AltoGateway.Alto.Identifiers;

/// <summary>
/// A vtag (RFC 7285 §10.3): the resource id of a map and a tag of 1–64 characters in U+0021–U+007E.
/// Tags compare byte for byte (ordinal); a tag must change when the map changes (§6.3).
/// </summary>
public sealed record VersionTag
{
    /// <summary>The maximum length of a tag.</summary>
    public const int MaxTagLength = 64;

    /// <summary>Creates a vtag.</summary>
    public VersionTag(string resourceId, string tag)
    {
        ResourceId = resourceId;
        Tag = tag;
    }

    /// <summary>The map's resource id.</summary>
    [JsonPropertyName("resource-id")]
    public string ResourceId { get; init; }

    /// <summary>The version tag.</summary>
    [JsonPropertyName("tag")]
    public string Tag { get; init; }

    /// <summary>True when the resource id and the tag both follow §10.2 and §10.3.</summary>
    [JsonIgnore]
    public bool IsValid => AltoName.IsValidResourceId(ResourceId) && IsValidTag(Tag);

    /// <summary>True for 1–64 characters in U+0021–U+007E (§10.3).</summary>
    public static bool IsValidTag(string? tag)
    {
        if (string.IsNullOrEmpty(tag) || tag.Length > MaxTagLength)
        {
            return false;
        }

        foreach (var c in tag)
        {
            if (c is < '\u0021' or > '\u007E')
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public bool Equals(VersionTag? other) =>
        other is not null && string.Equals(ResourceId, other.ResourceId, StringComparison.Ordinal)
        && string.Equals(Tag, other.Tag, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(ResourceId ?? ""), StringComparer.Ordinal.GetHashCode(Tag ?? ""));
}

namespace AltoGateway.Alto.MediaTypes;

/// <summary>
/// Compares a Content-Type header value to a media type. Media types are case-insensitive
/// (RFC 9110 §8.3.1); parameters such as "; charset=utf-8" are tolerated when reading, although
/// RFC 7285 §14.1 defines none.
/// </summary>
public static class AltoMediaTypeMatcher
{
    /// <summary>True when <paramref name="contentType"/> names <paramref name="mediaType"/>.</summary>
    public static bool Matches(string? contentType, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(mediaType);
        if (contentType is null)
        {
            return false;
        }

        var value = contentType.AsSpan();
        var semicolon = value.IndexOf(';');
        if (semicolon >= 0)
        {
            value = value[..semicolon];
        }

        return value.Trim(" \t").Equals(mediaType, StringComparison.OrdinalIgnoreCase);
    }
}

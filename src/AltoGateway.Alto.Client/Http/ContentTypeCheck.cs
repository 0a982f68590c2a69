using AltoGateway.Alto.MediaTypes;

namespace AltoGateway.Alto.Client.Http;

/// <summary>
/// The Content-Type of an answer (RFC 7285 §8.3.3: the server MUST set the exact media type), read
/// leniently: application/json and a missing header are tolerated and reported.
/// </summary>
internal static class ContentTypeCheck
{
    public const string GenericJson = "application/json";

    /// <summary>The Content-Type header as sent, or null.</summary>
    public static string? Of(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Content-Type", out var values) ? string.Join(",", values) : null;

    /// <summary>
    /// True when <paramref name="contentType"/> is <paramref name="expected"/>, application/json or
    /// missing (the last two reported as tolerances); false for anything else.
    /// </summary>
    public static bool Accept(string? contentType, string expected, AltoRequest request, int status, List<AltoTolerance> tolerances)
    {
        if (contentType is null)
        {
            tolerances.Add(new(AltoToleranceKind.MissingContentType, $"{request} answered HTTP {status} without a Content-Type; read as {expected}"));
            return true;
        }

        if (AltoMediaTypeMatcher.Matches(contentType, expected))
        {
            return true;
        }

        if (AltoMediaTypeMatcher.Matches(contentType, GenericJson))
        {
            tolerances.Add(new(AltoToleranceKind.GenericJsonContentType, $"{request} answered HTTP {status} with Content-Type {contentType} instead of {expected}"));
            return true;
        }

        return false;
    }
}

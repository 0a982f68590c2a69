namespace AltoGateway.Alto.Client.Http;

/// <summary>
/// One ALTO request: GET when there is no body, POST with an exact Content-Type otherwise (RFC 7285
/// §8.3.2), and the media type the answer should have (§8.3.3).
/// </summary>
internal sealed record AltoRequest(HttpMethod Method, Uri Uri, string ResponseType, string? RequestType = null, byte[]? Body = null)
{
    /// <summary>A GET of <paramref name="uri"/> for <paramref name="responseType"/>.</summary>
    public static AltoRequest Get(Uri uri, string responseType) => new(HttpMethod.Get, uri, responseType);

    /// <summary>"GET http://…/networkmap": what was asked of which URI, to start a log line with.</summary>
    public override string ToString() => Method.Method + " " + Uri;
}

using System.Globalization;
using System.Text;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.MediaTypes;

namespace AltoGateway.Alto.Client.Http;

/// <summary>
/// Turns a non-2xx answer into a failure: an ALTO error body (RFC 7285 §8.5, any code) is an
/// <see cref="AltoClientFailureKind.AltoError"/>; an HTML page, plain text or nothing is an
/// <see cref="AltoClientFailureKind.HttpStatus"/> with what the body said.
/// </summary>
internal static class ErrorAnswerReader
{
    private const int SnippetLength = 200;

    public static AltoClientFailure Read(
        AltoRequest request, HttpResponseMessage response, ReadOnlyMemory<byte>? body, AltoClientOptions options, List<AltoTolerance> tolerances)
    {
        var status = (int)response.StatusCode;
        var head = $"{request}: HTTP {status.ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}".TrimEnd();
        var retryAfter = status is 429 or 503 ? RetryAfterReader.Read(response.Headers.RetryAfter, options.TimeProvider) : null;
        var contentType = ContentTypeCheck.Of(response);
        if (body is not { } bytes)
        {
            return HttpStatus($"{head}, body larger than {options.MaxResponseBytes} bytes (not read)");
        }

        if (AltoErrorBody(contentType, bytes, request, status, tolerances) is { } serverError)
        {
            if (!IsStandardCode(serverError.Code))
            {
                tolerances.Add(new(AltoToleranceKind.NonStandardErrorCode,
                    $"{request} answered error code {serverError.Code}, not one of the four of RFC 7285 §8.5.2"));
            }

            return new AltoClientFailure(AltoClientFailureKind.AltoError, $"{head} with ALTO error {Describe(serverError)}")
            {
                HttpStatus = status,
                ServerError = serverError,
                RetryAfter = retryAfter,
            };
        }

        var text = Encoding.UTF8.GetString(bytes.Span);
        if (HtmlPage.Is(contentType, text))
        {
            var title = HtmlPage.Title(text) is { } t ? $"\"{t}\"" : "(untitled)";
            tolerances.Add(new(AltoToleranceKind.HtmlErrorPage, $"{request} answered HTTP {status} with an HTML page titled {title}"));
            return HttpStatus($"{head}, an HTML page titled {title}");
        }

        return HttpStatus(text.Length == 0
            ? $"{head}, empty body"
            : $"{head}, {contentType ?? "untyped"} body \"{HtmlPage.Snippet(text, SnippetLength)}\"");

        AltoClientFailure HttpStatus(string message) =>
            new(AltoClientFailureKind.HttpStatus, message) { HttpStatus = status, RetryAfter = retryAfter };
    }

    /// <summary>The ALTO error in the body, when the Content-Type allows one (alto-error+json, application/json or none) and the body is one.</summary>
    private static AltoError? AltoErrorBody(string? contentType, ReadOnlyMemory<byte> body, AltoRequest request, int status, List<AltoTolerance> tolerances)
    {
        var typed = contentType is null || AltoMediaTypeMatcher.Matches(contentType, AltoMediaTypes.Error)
            || AltoMediaTypeMatcher.Matches(contentType, ContentTypeCheck.GenericJson);
        if (!typed || !AltoJsonReader.TryReadError(body, out var serverError))
        {
            return null;
        }

        ContentTypeCheck.Accept(contentType, AltoMediaTypes.Error, request, status, tolerances);
        return serverError;
    }

    private static bool IsStandardCode(string code) =>
        code is AltoErrorCodes.Syntax or AltoErrorCodes.MissingField or AltoErrorCodes.InvalidFieldType or AltoErrorCodes.InvalidFieldValue;

    private static string Describe(AltoError? error)
    {
        var text = new StringBuilder(error?.Code);
        Append("field", error?.Field);
        Append("value", error?.Value);
        Append("syntax-error", error?.SyntaxError);
        return text.ToString();

        void Append(string name, string? value)
        {
            if (value is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" {name} \"{value}\"");
            }
        }
    }
}

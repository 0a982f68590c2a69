using System.Buffers;
using System.Globalization;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.MediaTypes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MediaTypeHeaderValue = Microsoft.Net.Http.Headers.MediaTypeHeaderValue;

namespace AltoGateway.Host.Alto;

/// <summary>
/// The HTTP side of every ALTO resource: Accept (406), request Content-Type (415), body size (413),
/// reading the body, and writing answers and single ALTO errors with exact media types.
/// </summary>
internal sealed class AltoExchange(int maxBodyBytes, ILogger logger)
{
    /// <summary>
    /// Accept (RFC 9110 §12.5.1): absent, or admitting the response type, the error type, */* or
    /// application/*, passes; anything else is 406. An unparseable Accept is ignored.
    /// </summary>
    public bool AcceptCheck(HttpContext context, string mediaType, out Task rejected)
    {
        rejected = Task.CompletedTask;
        var accept = context.Request.Headers.Accept;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return true;
        }

        foreach (var range in ranges)
        {
            if (range.Quality is 0)
            {
                continue;
            }

            var name = range.MediaType.Value ?? "";
            if (name is "*/*" || name.Equals("application/*", StringComparison.OrdinalIgnoreCase)
                || name.Equals(mediaType, StringComparison.OrdinalIgnoreCase)
                || name.Equals(AltoMediaTypes.Error, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // No ALTO code fits a header; E_SYNTAX (no field) carries the explanation.
        rejected = ErrorAsync(context, StatusCodes.Status406NotAcceptable,
            AltoError.Syntax($"Accept admits neither {mediaType} nor {AltoMediaTypes.Error}"));
        return false;
    }

    /// <summary>Accept, Content-Type and size checks, then the body; null when an error was already sent.</summary>
    public async Task<byte[]?> ReadRequestAsync(HttpContext context, string responseType, string requestType)
    {
        if (!AcceptCheck(context, responseType, out var rejected))
        {
            await rejected.ConfigureAwait(false);
            return null;
        }

        var request = context.Request;
        if (!AltoMediaTypeMatcher.Matches(request.ContentType, requestType))
        {
            // §8.3.2: a POST must name its media type. No ALTO code fits a header; E_SYNTAX (no field) carries the explanation.
            await ErrorAsync(context, StatusCodes.Status415UnsupportedMediaType,
                AltoError.Syntax($"Content-Type must be {requestType}")).ConfigureAwait(false);
            return null;
        }

        if (request.ContentLength > maxBodyBytes)
        {
            await TooLargeAsync(context).ConfigureAwait(false);
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBodyBytes)
                {
                    await TooLargeAsync(context).ConfigureAwait(false);
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own limit (the same number) on a chunked body.
            await TooLargeAsync(context).ConfigureAwait(false);
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// 413. E_INVALID_FIELD_VALUE would need a field, and no field is at fault: the body as a whole
    /// is refused before it is parsed, so E_SYNTAX with the limit in "syntax-error" is the code that fits.
    /// </summary>
    private Task TooLargeAsync(HttpContext context)
    {
        // The rest of the body is not read: close the connection so that no client reuses it mid-body.
        context.Response.Headers.Connection = "close";
        return ErrorAsync(context, StatusCodes.Status413PayloadTooLarge,
            AltoError.Syntax($"request body larger than {maxBodyBytes.ToString(CultureInfo.InvariantCulture)} bytes"));
    }

    public Task BadRequestAsync(HttpContext context, AltoError error) => ErrorAsync(context, StatusCodes.Status400BadRequest, error);

    private Task ErrorAsync(HttpContext context, int status, AltoError error)
    {
        AltoServerLog.Rejected(logger, context.Request.Method, context.Request.Path.Value ?? "", status, error.Code, error.Field, error.Value, error.SyntaxError);
        return WriteAsync(context, status, AltoMediaTypes.Error, AltoJsonWriter.Write(error));
    }

    /// <summary>Writes an answer; to HEAD (RFC 9110 §9.3.2) the same status and headers, Content-Length included, without the body.</summary>
    public static Task WriteAsync(HttpContext context, int status, string mediaType, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = mediaType;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}

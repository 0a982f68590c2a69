using System.Globalization;
using System.Net.Http.Headers;
using AltoGateway.Alto.MediaTypes;

namespace AltoGateway.Alto.Client.Http;

/// <summary>
/// Sends one ALTO request and reads the answer, whatever the server does: a per-request timeout,
/// a bounded body, the Content-Type checked leniently, error answers classified. Only the caller's
/// own cancellation leaves as an exception.
/// </summary>
internal sealed class AltoHttpExchange(HttpClient http, AltoClientOptions options)
{
    /// <summary>Sends <paramref name="request"/> and reads its 2xx answer with <paramref name="read"/>.</summary>
    public async Task<AltoExchangeOutcome<T>> ReadAsync<T>(
        AltoRequest request, AltoMessageReader<T> read, List<AltoTolerance> tolerances, CancellationToken cancellationToken)
        where T : class
    {
        using var timeout = new CancellationTokenSource(options.RequestTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var message = Build(request);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await BoundedBodyReader.ReadAsync(response.Content, options.MaxResponseBytes, linked.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? ReadAnswer(request, response, body, read, tolerances)
                : new(null, ErrorAnswerReader.Read(request, response, body, options, tolerances));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our timeout, or HttpClient.Timeout if the caller set a shorter one: the server was too slow.
            return Failed<T>(AltoClientFailureKind.Timeout,
                $"{request}: no complete answer within {options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException e)
        {
            return Failed<T>(AltoClientFailureKind.ConnectionFailed, $"{request}: {e.HttpRequestError} ({e.Message})");
        }
        catch (IOException e)
        {
            return Failed<T>(AltoClientFailureKind.ConnectionFailed, $"{request}: connection broken while reading the answer ({e.Message})");
        }
    }

    private static HttpRequestMessage Build(AltoRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.Uri);

        // §8.3: the answer's type, and the error type for a failure.
        message.Headers.TryAddWithoutValidation("Accept", request.ResponseType + "," + AltoMediaTypes.Error);
        if (request.Body is not null)
        {
            // §8.3.2: a POST MUST name its media type, exactly (no charset: §14.1 defines no parameters).
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.RequestType!);
        }

        return message;
    }

    private AltoExchangeOutcome<T> ReadAnswer<T>(
        AltoRequest request, HttpResponseMessage response, ReadOnlyMemory<byte>? body, AltoMessageReader<T> read, List<AltoTolerance> tolerances)
        where T : class
    {
        var status = (int)response.StatusCode;
        var contentType = ContentTypeCheck.Of(response);
        if (!ContentTypeCheck.Accept(contentType, request.ResponseType, request, status, tolerances))
        {
            // §8.3.4.2: a client MUST check the type (an IRD may come back instead of the resource).
            return Malformed($"{request}: HTTP {status} with Content-Type {contentType}, not {request.ResponseType}");
        }

        if (body is not { } bytes)
        {
            return Malformed($"{request}: HTTP {status} with a body larger than {options.MaxResponseBytes} bytes (not read)");
        }

        if (!read(bytes, out var message, out var error))
        {
            return Malformed($"{request}: HTTP {status} body is not a readable {request.ResponseType}: {error?.Code} {error?.Field} {error?.Value} {error?.SyntaxError}".TrimEnd());
        }

        return new(message, null);

        AltoExchangeOutcome<T> Malformed(string text) =>
            new(null, new AltoClientFailure(AltoClientFailureKind.MalformedResponse, text) { HttpStatus = status });
    }

    private static AltoExchangeOutcome<T> Failed<T>(AltoClientFailureKind kind, string message)
        where T : class => new(null, new AltoClientFailure(kind, message));
}

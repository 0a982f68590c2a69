using AltoGateway.Alto.Addressing;
using System.Text.Json;
using AltoGateway.Alto.Client.Answers;
using AltoGateway.Alto.Client.Closure;
using AltoGateway.Alto.Client.Http;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.MediaTypes;
using AltoGateway.Alto.Messages;

namespace AltoGateway.Alto.Client;

/// <summary>
/// An RFC 7285 ALTO client, for a tracker or a proxy to embed: reads an IRD closure, and asks the
/// endpoint cost and endpoint property services and the (filtered) network and cost maps it lists.
/// It requests strictly (exact media types, §8.3) and consumes leniently: whatever a server does
/// comes back as an <see cref="AltoResult{T}"/> (a value or a failure, plus the tolerances met),
/// never as an exception. Only the caller's own cancellation throws (<see cref="OperationCanceledException"/>).
/// </summary>
public sealed class AltoClient
{
    private readonly AltoHttpExchange _exchange;
    private readonly DirectoryClosureReader _directories;
    private readonly EndpointNameGrammar _names;

    /// <summary>
    /// Creates a client on <paramref name="http"/> (owned by the caller; its handler decides proxies,
    /// TLS and redirects). <paramref name="options"/> defaults to <see cref="AltoClientOptions"/>.
    /// </summary>
    public AltoClient(HttpClient http, AltoClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        options ??= new AltoClientOptions();
        options.Validate();
        _exchange = new AltoHttpExchange(http, options);
        _directories = new DirectoryClosureReader(_exchange, options.MaxDirectoryDepth);
        _names = options.EndpointNames;
    }

    /// <summary>
    /// GETs the IRD at <paramref name="directoryUri"/> (§9) and the closure of its delegated sub-IRDs
    /// (§9.2.4), with every URI made absolute. A failing sub-IRD is a tolerance, not a failure.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="directoryUri"/> is not an absolute http(s) URI.</exception>
    public Task<AltoResult<AltoDirectory>> GetDirectoryAsync(Uri directoryUri, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(directoryUri);
        if (!directoryUri.IsAbsoluteUri || (directoryUri.Scheme != Uri.UriSchemeHttp && directoryUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"An IRD URI must be absolute http or https, not '{directoryUri}'.", nameof(directoryUri));
        }

        return _directories.ReadAsync(directoryUri, ct);
    }

    /// <summary>
    /// Asks the ECS (§11.5.1). Addresses are sent in canonical text and the answer is keyed by it
    /// (re-keyed when the server spelled them otherwise); missing sources or pairs are listed in a
    /// <see cref="AltoToleranceKind.DroppedEndpoints"/> tolerance. Empty srcs or dsts are refused
    /// (<see cref="AltoClientFailureKind.InvalidRequest"/>): the server would substitute the client's own address (§13.3).
    /// </summary>
    public Task<AltoResult<EndpointCostResponse>> EndpointCostAsync(AltoResource resource, EndpointCostRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sent = CanonicalRequests.Of(request, _names);
        return PostAsync<EndpointCostResponse>(resource, AltoMediaTypes.EndpointCost, AltoMediaTypes.EndpointCostParams,
            () => AltoJsonWriter.Write(sent, _names), AltoJsonReader.TryReadEndpointCostResponse,
            (answer, call, tolerances) => EndpointCostAnswerCheck.Apply(answer, sent, call, tolerances, _names), ct);
    }

    /// <summary>
    /// Asks the EPS (§11.4.1). Addresses are sent in canonical text and the answer is keyed by it;
    /// requested endpoints missing from the answer are listed in a <see cref="AltoToleranceKind.DroppedEndpoints"/> tolerance.
    /// </summary>
    public Task<AltoResult<EndpointPropertyResponse>> EndpointPropertiesAsync(AltoResource resource, EndpointPropertyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sent = CanonicalRequests.Of(request, _names);
        return PostAsync<EndpointPropertyResponse>(resource, AltoMediaTypes.EndpointProperty, AltoMediaTypes.EndpointPropertyParams,
            () => AltoJsonWriter.Write(sent, _names), AltoJsonReader.TryReadEndpointPropertyResponse,
            (answer, call, tolerances) => EndpointPropertyAnswerCheck.Apply(answer, sent, call, tolerances, _names), ct);
    }

    /// <summary>GETs a network map (§11.2.1); one without meta.vtag is a <see cref="AltoToleranceKind.MissingVtag"/> tolerance.</summary>
    public Task<AltoResult<NetworkMapResponse>> GetNetworkMapAsync(AltoResource resource, CancellationToken ct) =>
        CallAsync<NetworkMapResponse>(Get(resource, AltoMediaTypes.NetworkMap), AltoJsonReader.TryReadNetworkMap,
            (map, call, tolerances) => VtagCheck.Own(map.Meta, call, tolerances), ct);

    /// <summary>GETs a cost map (§11.2.3); one without meta.dependent-vtags is a <see cref="AltoToleranceKind.MissingVtag"/> tolerance.</summary>
    public Task<AltoResult<CostMapResponse>> GetCostMapAsync(AltoResource resource, CancellationToken ct) =>
        CallAsync<CostMapResponse>(Get(resource, AltoMediaTypes.CostMap), AltoJsonReader.TryReadCostMap,
            (map, call, tolerances) => VtagCheck.Dependent(map.Meta, call, tolerances), ct);

    /// <summary>Asks a filtered network map (§11.3.1); the answer's vtag is the full map's.</summary>
    public Task<AltoResult<NetworkMapResponse>> FilteredNetworkMapAsync(AltoResource resource, NetworkMapFilterRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PostAsync<NetworkMapResponse>(resource, AltoMediaTypes.NetworkMap, AltoMediaTypes.NetworkMapFilter,
            () => WriteNetworkMapFilter(request), AltoJsonReader.TryReadNetworkMap,
            (map, call, tolerances) => VtagCheck.Own(map.Meta, call, tolerances), ct);
    }

    /// <summary>Asks a filtered cost map (§11.3.2).</summary>
    public Task<AltoResult<CostMapResponse>> FilteredCostMapAsync(AltoResource resource, FilteredCostMapRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PostAsync<CostMapResponse>(resource, AltoMediaTypes.CostMap, AltoMediaTypes.CostMapFilter,
            () => AltoJsonWriter.Write(request), AltoJsonReader.TryReadCostMap,
            (map, call, tolerances) => VtagCheck.Dependent(map.Meta, call, tolerances), ct);
    }

    private static AltoRequest Get(AltoResource resource, string responseType)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return AltoRequest.Get(resource.Uri, responseType);
    }

    private Task<AltoResult<T>> PostAsync<T>(
        AltoResource resource,
        string responseType,
        string requestType,
        Func<byte[]> write,
        AltoMessageReader<T> read,
        Action<T, AltoRequest, List<AltoTolerance>> check,
        CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(resource);
        byte[] body;
        try
        {
            body = write();
        }
        catch (AltoValidationException e)
        {
            // Caller data that breaks RFC 7285 (say, empty srcs): a failure to report, nothing sent.
            return Task.FromResult(AltoResult.Failed<T>(new AltoClientFailure(AltoClientFailureKind.InvalidRequest,
                $"POST {resource.Uri}: the {requestType} request is not valid RFC 7285 ({e.Error?.Code} {e.Error?.Field} {e.Error?.Value}".TrimEnd() + "); not sent")
            {
                ServerError = e.Error,
            }));
        }

        return CallAsync(new AltoRequest(HttpMethod.Post, resource.Uri, responseType, requestType, body), read, check, ct);
    }

    private async Task<AltoResult<T>> CallAsync<T>(
        AltoRequest request, AltoMessageReader<T> read, Action<T, AltoRequest, List<AltoTolerance>> check, CancellationToken ct)
        where T : class
    {
        var tolerances = new List<AltoTolerance>();
        var outcome = await _exchange.ReadAsync(request, read, tolerances, ct).ConfigureAwait(false);
        if (outcome.Failure is { } failure)
        {
            return AltoResult.Failed<T>(failure, tolerances);
        }

        check(outcome.Message!, request, tolerances);
        return AltoResult.Success(outcome.Message!, tolerances);
    }

    /// <summary>§11.3.1.3. The core has no strict writer for this message; "pids" is its one required field.</summary>
    private static byte[] WriteNetworkMapFilter(NetworkMapFilterRequest request) =>
        request.Pids is null
            ? throw new AltoValidationException(AltoError.MissingField("pids"))
            : JsonSerializer.SerializeToUtf8Bytes(request, AltoJsonContext.Default.NetworkMapFilterRequest);
}

using AltoGateway.Alto.Client;
using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Host.Proxy;

/// <summary>
/// A configured upstream ALTO server, reached with the client library: its IRD is fetched (and
/// followed through relative URIs and sub-IRDs) once, used for <c>Proxy:DirectoryRefresh</c>, and
/// fetched again after any failure; the ECS and EPS resources are picked from it by cost type and
/// property. The client's failures become <see cref="UpstreamFailure"/>s, its tolerances short texts.
/// </summary>
internal sealed class ClientUpstream : IAltoUpstream, IDisposable
{
    private readonly Uri _directoryUri;
    private readonly AltoClient _client;
    private readonly TimeSpan _refresh;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private AltoDirectory? _directory;
    private DateTimeOffset _fetchedAt;

    public ClientUpstream(Uri directoryUri, AltoClient client, TimeSpan refresh, TimeProvider time)
    {
        _directoryUri = directoryUri;
        _client = client;
        _refresh = refresh;
        _time = time;
    }

    public string Name => _directoryUri.ToString();

    public async Task<UpstreamAnswer<EndpointCostResponse>> EndpointCostAsync(EndpointCostRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (directory, failure, tolerated) = await DirectoryAsync(cancellationToken).ConfigureAwait(false);
        if (directory is null)
        {
            return new UpstreamAnswer<EndpointCostResponse>(failure!, tolerated);
        }

        if (directory.FindEndpointCost(request.CostType) is not { } resource)
        {
            return new UpstreamAnswer<EndpointCostResponse>(new UpstreamFailure(UpstreamFailureKind.Unsupported,
                $"{Name} lists no endpoint cost service for {request.CostType}"), tolerated);
        }

        return Answer(await _client.EndpointCostAsync(resource, request, cancellationToken).ConfigureAwait(false), tolerated);
    }

    public async Task<UpstreamAnswer<EndpointPropertyResponse>> EndpointPropertiesAsync(EndpointPropertyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (directory, failure, tolerated) = await DirectoryAsync(cancellationToken).ConfigureAwait(false);
        if (directory is null)
        {
            return new UpstreamAnswer<EndpointPropertyResponse>(failure!, tolerated);
        }

        if (request.Properties.Count == 0 || directory.FindEndpointProperty(request.Properties[0]) is not { } resource)
        {
            return new UpstreamAnswer<EndpointPropertyResponse>(new UpstreamFailure(UpstreamFailureKind.Unsupported,
                $"{Name} lists no endpoint property service for '{string.Join("', '", request.Properties)}'"), tolerated);
        }

        return Answer(await _client.EndpointPropertiesAsync(resource, request, cancellationToken).ConfigureAwait(false), tolerated);
    }

    public void Dispose() => _fetching.Dispose();

    private UpstreamAnswer<T> Answer<T>(AltoResult<T> result, List<string> tolerated)
        where T : class
    {
        tolerated.AddRange(result.Tolerances.Select(t => t.ToString()));
        if (result.IsSuccess)
        {
            return new UpstreamAnswer<T>(result.Value!, tolerated);
        }

        var failure = Failure(result.Failure!);
        if (failure.CountsAgainstUpstream)
        {
            Volatile.Write(ref _directory, null); // its resources may have moved: fetch the IRD again next time
        }

        return new UpstreamAnswer<T>(failure, tolerated);
    }

    private async Task<(AltoDirectory? Directory, UpstreamFailure? Failure, List<string> Tolerated)> DirectoryAsync(CancellationToken cancellationToken)
    {
        var tolerated = new List<string>();
        var cached = Volatile.Read(ref _directory);
        if (cached is not null && _time.GetUtcNow() - _fetchedAt < _refresh)
        {
            return (cached, null, tolerated);
        }

        await _fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cached = Volatile.Read(ref _directory);
            if (cached is not null && _time.GetUtcNow() - _fetchedAt < _refresh)
            {
                return (cached, null, tolerated);
            }

            var result = await _client.GetDirectoryAsync(_directoryUri, cancellationToken).ConfigureAwait(false);
            tolerated.AddRange(result.Tolerances.Select(t => t.ToString()));
            if (!result.IsSuccess)
            {
                return (null, Failure(result.Failure!), tolerated);
            }

            _fetchedAt = _time.GetUtcNow();
            Volatile.Write(ref _directory, result.Value);
            return (result.Value, null, tolerated);
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <summary>What a client failure means for the proxy (see <see cref="UpstreamFailureKind"/>).</summary>
    internal static UpstreamFailure Failure(AltoClientFailure failure)
    {
        var kind = failure.Kind switch
        {
            AltoClientFailureKind.Timeout => UpstreamFailureKind.Timeout,
            AltoClientFailureKind.ConnectionFailed => UpstreamFailureKind.Unreachable,
            AltoClientFailureKind.NoSuchResource => UpstreamFailureKind.Unsupported,
            _ when failure.HttpStatus is 429 or 503 => UpstreamFailureKind.Busy,
            AltoClientFailureKind.AltoError when IsTrackersField(failure.ServerError?.Field) => UpstreamFailureKind.Refused,
            _ => UpstreamFailureKind.BadAnswer,
        };
        return new UpstreamFailure(kind, failure.Message, failure.RetryAfter, failure.ServerError);
    }

    /// <summary>
    /// Fields the proxy passes through from the tracker unchanged: an upstream's complaint about
    /// them is the tracker's to fix. Complaints about "endpoints" concern addresses the proxy wrote.
    /// </summary>
    private static bool IsTrackersField(string? field) =>
        field is not null
        && (field.StartsWith("cost-type", StringComparison.Ordinal) || field.StartsWith("constraints", StringComparison.Ordinal)
            || field.StartsWith("properties", StringComparison.Ordinal));
}

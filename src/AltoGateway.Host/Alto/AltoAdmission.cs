using System.Globalization;
using System.Threading.RateLimiting;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.MediaTypes;
using AltoGateway.Host.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Alto;

/// <summary>
/// Overload protection of the ALTO resources (and of nothing else: /healthz and /status must keep
/// answering under load): at most <see cref="AltoOptions.MaxConcurrentRequests"/> in progress and
/// <see cref="AltoOptions.QueueLength"/> waiting, oldest first. Beyond that, RFC 7285 §8.5.3:
/// 503 with Retry-After. RFC 7285 registers no code for conditions outside the request, so the
/// body is E_SYNTAX with the explanation in "syntax-error", as for 406/413/415.
/// </summary>
internal sealed class AltoAdmission : IDisposable
{
    /// <summary>Overload is logged at most this often, with the number of requests refused meanwhile.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(10);

    private readonly ConcurrencyLimiter _limiter;
    private readonly int _maxConcurrent;
    private readonly int _queueLength;
    private readonly string _retryAfter;
    private readonly byte[] _overloadBody;
    private readonly AltoMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _reportGate = new();
    private long _unreported;
    private long? _reportedAt;

    public AltoAdmission(AltoOptions options, AltoMetrics metrics, TimeProvider time, ILogger<AltoAdmission> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        _maxConcurrent = options.MaxConcurrentRequests;
        _queueLength = options.QueueLength;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _maxConcurrent,
            QueueLimit = _queueLength,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _retryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        _overloadBody = AltoJsonWriter.Write(AltoError.Syntax(OverloadText(options)));
        _metrics = metrics;
        _time = time;
        _logger = logger;
        metrics.ObserveLoad(Load);
    }

    /// <summary>The "syntax-error" text of the 503.</summary>
    public static string OverloadText(AltoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var inProgress = options.MaxConcurrentRequests.ToString(CultureInfo.InvariantCulture);
        return $"the ALTO server is overloaded: {inProgress} request{(options.MaxConcurrentRequests == 1 ? "" : "s")} in progress and "
            + $"{options.QueueLength.ToString(CultureInfo.InvariantCulture)} waiting; retry after {options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture)} s";
    }

    /// <summary><paramref name="handler"/>, run only once a place is free.</summary>
    public RequestDelegate Admit(RequestDelegate handler) => async context =>
    {
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client left while waiting
        }

        using (lease)
        {
            if (lease.IsAcquired)
            {
                await handler(context).ConfigureAwait(false);
                return;
            }
        }

        Refused();
        context.Response.Headers.RetryAfter = _retryAfter;
        await AltoExchange.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, AltoMediaTypes.Error, _overloadBody).ConfigureAwait(false);
    };

    public void Dispose() => _limiter.Dispose();

    private (long InProgress, long Waiting) Load()
    {
        var statistics = _limiter.GetStatistics();
        return statistics is null ? (0, 0) : (_maxConcurrent - statistics.CurrentAvailablePermits, statistics.CurrentQueuedCount);
    }

    /// <summary>Counts a refusal; logs the first one, then at most one line every <see cref="ReportInterval"/>.</summary>
    private void Refused()
    {
        _metrics.Overloaded();
        lock (_reportGate)
        {
            _unreported++;
            var now = _time.GetTimestamp();
            if (_reportedAt is { } last && _time.GetElapsedTime(last, now) < ReportInterval)
            {
                return;
            }

            AltoServerLog.Overloaded(_logger, _unreported, _maxConcurrent, _queueLength, ReportInterval);
            _unreported = 0;
            _reportedAt = now;
        }
    }
}

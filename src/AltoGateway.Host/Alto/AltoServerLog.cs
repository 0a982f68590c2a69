using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Alto;

/// <summary>Log messages of the built-in ALTO server. Event ids 4000-4099.</summary>
internal static partial class AltoServerLog
{
    [LoggerMessage(4000, LogLevel.Information, "Built-in ALTO server: network map of {Pids} PIDs ({PidNames}), vtag {Tag}")]
    public static partial void MapsBuilt(ILogger logger, int pids, string pidNames, string tag);

    [LoggerMessage(4001, LogLevel.Error, "Built-in ALTO server: the maps cannot be built: {Reason}")]
    public static partial void MapsFailed(ILogger logger, string reason);

    [LoggerMessage(4002, LogLevel.Debug, "ALTO {Method} {Path} answered {Status} {Code} {Field} {Value} {SyntaxError}")]
    public static partial void Rejected(ILogger logger, string method, string path, int status, string code, string? field, string? value, string? syntaxError);

    [LoggerMessage(4010, LogLevel.Information, "Built-in ALTO server reloads Alto:Pids and Alto:Costs on SIGHUP and when {File} changes")]
    public static partial void ReloadWatching(ILogger logger, string file);

    [LoggerMessage(4011, LogLevel.Warning, "Built-in ALTO server cannot watch {File} ({Reason}); it reloads on SIGHUP only")]
    public static partial void ReloadCannotWatch(ILogger logger, string file, string reason);

    [LoggerMessage(4012, LogLevel.Information, "Built-in ALTO server reloaded ({Trigger}): network map vtag {OldTag} -> {NewTag}, {Pids} PIDs ({PidNames})")]
    public static partial void ReloadApplied(ILogger logger, string trigger, string oldTag, string newTag, int pids, string pidNames);

    [LoggerMessage(4013, LogLevel.Information, "Built-in ALTO server reload ({Trigger}): maps unchanged, vtag {Tag}")]
    public static partial void ReloadUnchanged(ILogger logger, string trigger, string tag);

    [LoggerMessage(4014, LogLevel.Error, "Built-in ALTO server reload ({Trigger}) rejected: {Key}: {Problem}")]
    public static partial void ReloadProblem(ILogger logger, string trigger, string key, string problem);

    [LoggerMessage(4015, LogLevel.Error, "Built-in ALTO server reload ({Trigger}) rejected with {Count} problem(s); still serving vtag {Tag}")]
    public static partial void ReloadRejected(ILogger logger, string trigger, int count, string tag);

    [LoggerMessage(4016, LogLevel.Warning, "Configuration problem outside the Alto section, not applied live (the agent would not start with it): {Key}: {Problem}")]
    public static partial void ProblemOutsideAlto(ILogger logger, string key, string problem);

    [LoggerMessage(4017, LogLevel.Warning, "Configuration changed outside Alto:Pids and Alto:Costs; these keys take effect only at restart: {Keys}")]
    public static partial void RestartNeeded(ILogger logger, string keys);

    [LoggerMessage(4018, LogLevel.Debug, "Built-in ALTO server: {File} changed but its content is what the last reload read; skipped")]
    public static partial void ReloadSkipped(ILogger logger, string file);

    [LoggerMessage(4019, LogLevel.Information, "Built-in ALTO server: {Folder} does not exist, so no configuration file is watched; it reloads on SIGHUP")]
    public static partial void ReloadSignalOnly(ILogger logger, string folder);

    [LoggerMessage(4020, LogLevel.Warning, "Built-in ALTO server overloaded: {Count} request(s) answered 503 since the last report ({InProgress} in progress and {Waiting} waiting at most); reported at most every {Interval}")]
    public static partial void Overloaded(ILogger logger, long count, int inProgress, int waiting, TimeSpan interval);
}

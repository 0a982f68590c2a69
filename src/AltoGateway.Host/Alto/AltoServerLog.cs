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
}

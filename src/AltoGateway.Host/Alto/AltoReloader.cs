using AltoGateway.Host.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Alto;

/// <summary>
/// One reload of the built-in ALTO server: read the configuration layers again, check them, and
/// when the <c>Alto</c> section passes, build new maps and put them in service. A bad section
/// changes nothing: the old maps keep being served and every problem is logged with its key path.
/// Only <c>Alto:Pids</c> and <c>Alto:Costs</c> apply live; other changes are logged as needing a
/// restart. Calls are serialised by <see cref="AltoReloadService"/>.
/// </summary>
internal sealed class AltoReloader
{
    private static readonly string[] LiveSections = [AltoOptions.SectionName + ":" + nameof(AltoOptions.Pids), AltoOptions.SectionName + ":" + nameof(AltoOptions.Costs)];

    private readonly AltoServer _server;
    private readonly AltoConfigurationSource _source;
    private readonly Dictionary<string, string?> _running;
    private readonly AltoMetrics _metrics;
    private readonly ILogger _logger;
    private string? _lastFileHash;
    private string _restartReported = string.Empty;

    public AltoReloader(AltoServer server, AltoConfigurationSource source, IConfiguration running, AltoMetrics metrics, ILogger<AltoReloader> logger)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(running);
        _server = server;
        _source = source;
        _running = RestartOnly(running);
        _metrics = metrics;
        _logger = logger;
        _lastFileHash = source.FileHash();
    }

    /// <summary>Reloads when the file's content differs from what the last reload read (editors write twice; watchers report twice); null when skipped.</summary>
    public AltoReloadResult? ReloadIfFileChanged(string trigger)
    {
        if (string.Equals(_source.FileHash(), _lastFileHash, StringComparison.Ordinal))
        {
            AltoServerLog.ReloadSkipped(_logger, _source.File ?? "(no file)");
            return null;
        }

        return Reload(trigger);
    }

    /// <summary>Reads, checks and applies the configuration as it is now.</summary>
    public AltoReloadResult Reload(string trigger)
    {
        _lastFileHash = _source.FileHash();
        var problems = new List<ConfigurationProblem>();
        var loaded = _source.Load(problems);
        if (loaded is not null)
        {
            problems.AddRange(AgentConfiguration.Check(loaded));
        }

        var blocking = problems.Where(p => loaded is null || IsAltoKey(p.Key)).ToList();
        if (blocking.Count > 0)
        {
            return Reject(trigger, blocking.Select(p => (p.Key, p.Message)));
        }

        foreach (var problem in problems)
        {
            AltoServerLog.ProblemOutsideAlto(_logger, problem.Key, problem.Message);
        }

        ReportRestartNeeded(RestartOnly(loaded!));
        if (!AltoServer.TryBuild(AgentConfiguration.Alto(loaded!), out var next, out var reason))
        {
            return Reject(trigger, [(AltoOptions.SectionName, reason)]);
        }

        if (!_server.TrySwap(next, out var previous))
        {
            _metrics.Reloaded(AltoReloadResult.Unchanged);
            AltoServerLog.ReloadUnchanged(_logger, trigger, next.Vtag.Tag);
            return AltoReloadResult.Unchanged;
        }

        // Counted before it is logged, so whoever reads the log line finds it counted.
        _metrics.Reloaded(AltoReloadResult.Applied);
        AltoServerLog.ReloadApplied(_logger, trigger, previous?.Vtag.Tag ?? "(none)", next.Vtag.Tag, next.Maps.Groups.Count, string.Join(", ", next.Maps.Groups.Keys));
        return AltoReloadResult.Applied;
    }

    private AltoReloadResult Reject(string trigger, IEnumerable<(string Key, string Message)> problems)
    {
        _metrics.Reloaded(AltoReloadResult.Rejected);
        var count = 0;
        foreach (var (key, message) in problems)
        {
            AltoServerLog.ReloadProblem(_logger, trigger, key, message);
            count++;
        }

        AltoServerLog.ReloadRejected(_logger, trigger, count, _server.Current?.Vtag.Tag ?? "(none)");
        return AltoReloadResult.Rejected;
    }

    /// <summary>Logs the keys that differ from the running configuration, once for each different set.</summary>
    private void ReportRestartNeeded(Dictionary<string, string?> loaded)
    {
        var changed = _running.Keys.Union(loaded.Keys, StringComparer.OrdinalIgnoreCase)
            .Where(k => !_running.TryGetValue(k, out var before) || !loaded.TryGetValue(k, out var after) || !string.Equals(before, after, StringComparison.Ordinal))
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var keys = string.Join(", ", changed);
        if (changed.Count > 0 && !string.Equals(keys, _restartReported, StringComparison.Ordinal))
        {
            AltoServerLog.RestartNeeded(_logger, keys);
        }

        _restartReported = keys;
    }

    /// <summary>Every key with a value, except the ones a reload applies.</summary>
    private static Dictionary<string, string?> RestartOnly(IConfiguration configuration) =>
        configuration.AsEnumerable()
            .Where(p => p.Value is not null && !LiveSections.Any(s => IsUnder(p.Key, s)))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    private static bool IsAltoKey(string key) => IsUnder(key, AltoOptions.SectionName);

    private static bool IsUnder(string key, string section) =>
        key.Equals(section, StringComparison.OrdinalIgnoreCase)
        || (key.StartsWith(section, StringComparison.OrdinalIgnoreCase) && key.Length > section.Length && key[section.Length] == ':');
}

using System.Diagnostics.CodeAnalysis;
using AltoGateway.Health;
using AltoGateway.Host.Configuration;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Alto;

/// <summary>
/// The <c>alto-server</c> component: builds the first maps, reports ready once they are built, and
/// holds the engine in service. A reload swaps the whole engine at once; a request takes
/// <see cref="Current"/> once and answers from that snapshot, so none sees half a map.
/// </summary>
internal sealed class AltoServer
{
    public const string ComponentName = "alto-server";

    private AltoServerEngine? _current;

    public AltoServer(AltoOptions options, HealthRegistry health, ILogger<AltoServer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(health);
        var reporter = health.Register(ComponentName);
        if (!TryBuild(options, out var engine, out var reason))
        {
            // Not reached with a checked configuration; kept so that a bug fails the component, not the agent.
            AltoServerLog.MapsFailed(logger, reason);
            reporter.ReportFailed(reason);
            return;
        }

        _current = engine;
        AltoServerLog.MapsBuilt(logger, engine.Maps.Groups.Count, string.Join(", ", engine.Maps.Groups.Keys), engine.Vtag.Tag);
        reporter.ReportReady();
    }

    /// <summary>The engine in service; null only when the first maps could not be built (the component is then failed).</summary>
    public AltoServerEngine? Current => Volatile.Read(ref _current);

    /// <summary>Builds an engine from an <c>Alto</c> section that passed its validator.</summary>
    public static bool TryBuild(AltoOptions options, [NotNullWhen(true)] out AltoServerEngine? engine, out string reason)
    {
        try
        {
            engine = new AltoServerEngine(AltoMaps.Build(options));
            reason = string.Empty;
            return true;
        }
        catch (InvalidOperationException ex)
        {
            engine = null;
            reason = ex.Message;
            return false;
        }
    }

    /// <summary>
    /// Puts <paramref name="next"/> in service unless it serves exactly what the current engine
    /// serves; <paramref name="previous"/> is the engine that was in service before.
    /// </summary>
    public bool TrySwap(AltoServerEngine next, out AltoServerEngine? previous)
    {
        ArgumentNullException.ThrowIfNull(next);
        while (true)
        {
            previous = Volatile.Read(ref _current);
            if (previous is not null && previous.ServesSameAs(next))
            {
                return false;
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, next, previous), previous))
            {
                return true;
            }
        }
    }
}

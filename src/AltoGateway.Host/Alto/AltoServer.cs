using AltoGateway.Health;
using AltoGateway.Host.Configuration;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Alto;

/// <summary>The <c>alto-server</c> component: builds the maps and reports ready once they are built.</summary>
internal sealed class AltoServer
{
    public const string ComponentName = "alto-server";

    public AltoServer(AltoOptions options, HealthRegistry health, ILogger<AltoServer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(health);
        var reporter = health.Register(ComponentName);
        try
        {
            Maps = AltoMaps.Build(options);
        }
        catch (InvalidOperationException ex)
        {
            // Not reached with a checked configuration; kept so that a bug fails the component, not the agent.
            AltoServerLog.MapsFailed(logger, ex.Message);
            reporter.ReportFailed(ex.Message);
            return;
        }

        AltoServerLog.MapsBuilt(logger, Maps.Groups.Count, string.Join(", ", Maps.Groups.Keys), Maps.Vtag.Tag);
        reporter.ReportReady();
    }

    /// <summary>The maps; null only when they could not be built (the component is then failed).</summary>
    public AltoMaps? Maps { get; }
}

using AltoGateway.Health;

namespace AltoGateway.Host.Hosting;

/// <summary>The one-line summary systemd shows in <c>systemctl status</c> (STATUS=).</summary>
internal static class AgentStatusLine
{
    public static string Describe(IReadOnlyList<ComponentHealth> components, string listeners)
    {
        var ready = components.Count(c => c.State == HealthState.Ready);
        var worst = components.Count == 0 ? HealthState.Starting : components.Max(c => c.State);
        var line = $"{worst.ToString().ToLowerInvariant()}: {ready} of {components.Count} components ready; {listeners}";
        var troubled = components.Where(c => c.State is HealthState.Degraded or HealthState.Failed)
            .Select(c => $"{c.Component} {c.State.ToString().ToLowerInvariant()} ({c.Reason})")
            .ToList();
        return troubled.Count == 0 ? line : $"{line}; {string.Join("; ", troubled)}";
    }
}

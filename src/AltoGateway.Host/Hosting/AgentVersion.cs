using System.Reflection;

namespace AltoGateway.Host.Hosting;

/// <summary>The agent's version as built (informational version without the source-revision suffix).</summary>
internal static class AgentVersion
{
    public static string Text { get; } = Read();

    private static string Read()
    {
        var informational = typeof(AgentVersion).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}

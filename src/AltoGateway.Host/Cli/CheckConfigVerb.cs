using AltoGateway.Host.Configuration;

namespace AltoGateway.Host.Cli;

/// <summary><c>altogw check-config [--config FILE]</c>.</summary>
internal static class CheckConfigVerb
{
    public static int Run(FileInfo? file, TextWriter output, TextWriter error)
    {
        var problems = LoadAndCheck(file?.FullName, out var configuration);
        if (problems.Count == 0)
        {
            output.WriteLine($"configuration OK ({Describe(file)})");

            // Valid, but probably not what the operator wants (a world-readable token file, say).
            foreach (var warning in WanCredentialFiles.Warnings(configuration!))
            {
                output.WriteLine($"warning: {warning}");
            }

            return 0;
        }

        Report(problems, error);
        return AltogwCommandLine.ExitConfigurationInvalid;
    }

    /// <summary>Loads the layered configuration and returns every problem; the configuration when there is none.</summary>
    public static List<ConfigurationProblem> LoadAndCheck(string? file, out Microsoft.Extensions.Configuration.IConfigurationRoot? configuration)
    {
        var problems = new List<ConfigurationProblem>();
        configuration = AgentConfiguration.Load(file, problems);
        if (configuration is not null)
        {
            problems.AddRange(AgentConfiguration.Check(configuration));
        }

        return problems;
    }

    /// <summary>The control socket the agent of this configuration listens on (the default when the configuration is unreadable).</summary>
    public static string ControlSocketPath(string? file)
    {
        var configuration = AgentConfiguration.Load(file, []);
        return configuration is null ? new ControlOptions().EffectiveSocketPath : AgentConfiguration.Control(configuration).EffectiveSocketPath;
    }

    public static void Report(IReadOnlyList<ConfigurationProblem> problems, TextWriter error)
    {
        error.WriteLine($"altogw: the configuration has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}:");
        foreach (var problem in problems)
        {
            error.WriteLine(problem);
        }
    }

    private static string Describe(FileInfo? file) =>
        file is not null
            ? $"embedded default, {file.FullName}, {AgentConfiguration.EnvironmentPrefix}* environment"
            : File.Exists(AgentConfiguration.SystemFile)
                ? $"embedded default, {AgentConfiguration.SystemFile}, {AgentConfiguration.EnvironmentPrefix}* environment"
                : $"embedded default, {AgentConfiguration.EnvironmentPrefix}* environment";
}

using AltoGateway.Host.Configuration;
using AltoGateway.Host.Control;
using AltoGateway.Host.Hosting;
using Microsoft.AspNetCore.Builder;

namespace AltoGateway.Host.Cli;

/// <summary><c>altogw run</c>: check the configuration, then serve until SIGTERM/SIGINT.</summary>
internal static class RunVerb
{
    /// <summary>sysexits.h EX_TEMPFAIL: something outside the configuration stands in the way (try again later).</summary>
    public const int ExitCannotStart = 75;

    public static async Task<int> RunAsync(FileInfo? file, CancellationToken cancellation)
    {
        var problems = CheckConfigVerb.LoadAndCheck(file?.FullName, out var configuration);
        if (problems.Count > 0)
        {
            // Nothing is served on a bad configuration.
            CheckConfigVerb.Report(problems, Console.Error);
            return AltogwCommandLine.ExitConfigurationInvalid;
        }

        if (!ControlSocket.TryPrepare(AgentConfiguration.Control(configuration!).EffectiveSocketPath, out var problem))
        {
            await Console.Error.WriteLineAsync($"altogw: {problem}").ConfigureAwait(false);
            return ExitCannotStart;
        }

        await using var app = AgentApplication.Build(configuration!, TimeProvider.System);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}

using AltoGateway.Host.Hosting;
using Microsoft.AspNetCore.Builder;

namespace AltoGateway.Host.Cli;

/// <summary><c>altogw run</c>: check the configuration, then serve until SIGTERM/SIGINT.</summary>
internal static class RunVerb
{
    public static async Task<int> RunAsync(FileInfo? file, CancellationToken cancellation)
    {
        var problems = CheckConfigVerb.LoadAndCheck(file?.FullName, out var configuration);
        if (problems.Count > 0)
        {
            // Nothing is served on a bad configuration.
            CheckConfigVerb.Report(problems, Console.Error);
            return AltogwCommandLine.ExitConfigurationInvalid;
        }

        await using var app = AgentApplication.Build(configuration!, TimeProvider.System);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}

using System.Diagnostics;

namespace AltoGateway.Tests.Shared;

/// <summary>Runs a command-line tool to completion and returns its exit status and all it printed.</summary>
internal static class ToolProcess
{
    public static async Task<(int Exit, string Output)> RunAsync(string command, IEnumerable<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["SYSTEMD_LOG_COLOR"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}

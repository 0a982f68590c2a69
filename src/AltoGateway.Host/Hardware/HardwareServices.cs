using AltoGateway.Hardware.Boards;
using AltoGateway.Hardware.Drivers;
using AltoGateway.Hardware.Leds;
using AltoGateway.Health;
using AltoGateway.Host.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Hardware;

/// <summary>Registers the status LEDs: the board's driver (or the console), the pattern runner, the LED service, activity and metrics.</summary>
internal static class HardwareServices
{
    private const string LogCategory = "AltoGateway.Host.Hardware.StatusLeds";

    /// <summary>
    /// Call before any other hosted service is added, so the LEDs start first and stop last. The
    /// configuration passed <see cref="AgentConfiguration.Check"/>, so the board file reads.
    /// </summary>
    public static void Add(IServiceCollection services, HardwareOptions options, StateOptions state, string configurationDirectory, TimeProvider time)
    {
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
            var problems = new List<BoardProblem>();
            var board = options.Board.Length == 0 ? null
                : BoardFile.Load(options.Board, configurationDirectory, problems)
                  ?? throw new InvalidOperationException($"The board '{options.Board}' was not checked: {string.Join("; ", problems)}");
            var traceFile = board?.Driver == BoardDrivers.Emulated ? options.EffectiveTraceFile(state) : null;
            if (traceFile is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(traceFile)!);
            }

            var choice = LedDriverSelection.Open(board, new LedDriverSettings(options.SysfsRoot, traceFile, LibgpiodChip.Open), time,
                (role, pattern) => LogPattern(logger, role, pattern));
            var name = board?.Name ?? "none";
            if (choice.FallbackReason is { } reason)
            {
                HardwareLog.FellBackToConsole(logger, reason);
            }
            else
            {
                HardwareLog.Opened(logger, name, choice.Driver.Description);
            }

            var runner = new LedPatternRunner(choice.Driver, time);
            var activity = new LedActivity(runner, new ActivityFlashLimiter(time, options.ActivityMinInterval));
            return new StatusLedHardware(name, runner, activity, choice.FallbackReason);
        });
        services.AddSingleton(sp => new StatusLedPolicy(options.EffectiveUpstreamComponents));
        services.AddSingleton<LedMetrics>();
        services.AddHostedService(sp =>
        {
            var leds = sp.GetRequiredService<StatusLedHardware>();
            return new StatusLedService(sp.GetRequiredService<HealthRegistry>(), sp.GetRequiredService<StatusLedPolicy>(), leds.Runner, leds.Activity,
                leds.FallbackReason, sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<ILogger<StatusLedService>>());
        });
    }

    /// <summary>The console driver's transitions; the activity LED's flashes only at Debug (a busy box flashes four times a second).</summary>
    public static void LogPattern(ILogger logger, LedRole role, LedPattern pattern)
    {
        if (role == LedRole.Activity)
        {
            HardwareLog.ActivityPattern(logger, role.Name(), pattern.Name());
        }
        else
        {
            HardwareLog.Pattern(logger, role.Name(), pattern.Name());
        }
    }
}

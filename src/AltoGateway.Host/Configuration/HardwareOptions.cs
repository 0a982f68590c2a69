using AltoGateway.Hardware.Drivers;
using AltoGateway.Hardware.Leds;
using Microsoft.Extensions.Options;
using System.ComponentModel.DataAnnotations;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// The <c>Hardware</c> section: the board whose status LEDs show the agent's health. Without a
/// board the LEDs are the console driver's log lines, so no GPIO line is ever driven unless the
/// operator named the board it is wired to. The board file itself is checked by
/// <c>AgentConfiguration.CheckHardwareBoard</c> (it needs the configuration file's folder).
/// </summary>
internal sealed class HardwareOptions : IValidatableObject
{
    public const string SectionName = "Hardware";

    /// <summary>A built-in board (<c>raspberry-pi-4</c>, <c>raspberry-pi-5</c>, <c>openwrt-cpe</c>, <c>emulated</c>) or a board file's path; empty: console.</summary>
    public string Board { get; set; } = string.Empty;

    /// <summary>Where the kernel LED class lives (sysfs boards).</summary>
    public string SysfsRoot { get; set; } = SysfsLedDriver.DefaultRoot;

    /// <summary>The emulated board's LED trace; empty: <c>led-trace.log</c> in the state folder.</summary>
    public string TraceFile { get; set; } = string.Empty;

    /// <summary>Components the upstream LED shows; empty: <c>alto-upstreams</c> and <c>proxy-discovery</c>.</summary>
    public IList<string> UpstreamComponents { get; set; } = [];

    /// <summary>The shortest time between two activity flashes.</summary>
    public TimeSpan ActivityMinInterval { get; set; } = ActivityFlashLimiter.DefaultMinInterval;

    public IReadOnlyList<string> EffectiveUpstreamComponents => UpstreamComponents.Count > 0 ? [.. UpstreamComponents] : StatusLedPolicy.DefaultUpstreamComponents;

    public string EffectiveTraceFile(StateOptions state) =>
        TraceFile.Length > 0 ? TraceFile : Path.Combine(state.EffectiveDirectory, "led-trace.log");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Path.IsPathFullyQualified(SysfsRoot))
        {
            yield return new ValidationResult($"'{SysfsRoot}' is not an absolute path", [nameof(SysfsRoot)]);
        }

        if (TraceFile.Length > 0 && !Path.IsPathFullyQualified(TraceFile))
        {
            yield return new ValidationResult($"'{TraceFile}' is not an absolute path", [nameof(TraceFile)]);
        }

        if (ActivityMinInterval < TimeSpan.FromMilliseconds(100) || ActivityMinInterval > TimeSpan.FromSeconds(10))
        {
            yield return new ValidationResult("must be between 00:00:00.100 and 00:00:10", [nameof(ActivityMinInterval)]);
        }

        for (var i = 0; i < UpstreamComponents.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(UpstreamComponents[i]))
            {
                yield return new ValidationResult("is empty; name a health component (see /status)", [$"{nameof(UpstreamComponents)}:{i}"]);
            }
        }
    }
}

[OptionsValidator]
internal sealed partial class HardwareOptionsValidator : IValidateOptions<HardwareOptions>;

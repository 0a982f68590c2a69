using AltoGateway.Health;

namespace AltoGateway.Hardware.Leds;

/// <summary>The steady patterns of the power, upstream and fault LEDs.</summary>
public readonly record struct StatusLedPatterns(LedPattern Power, LedPattern Upstream, LedPattern Fault)
{
    public LedPattern For(LedRole role) => role switch
    {
        LedRole.Power => Power,
        LedRole.Upstream => Upstream,
        LedRole.Fault => Fault,
        _ => LedPattern.Off, // the activity LED only flashes (LedActivity)
    };
}

/// <summary>
/// The health model to LED patterns: state in, patterns out; no clock, no I/O. The README's
/// "Hardware" section has this table.
/// </summary>
public sealed class StatusLedPolicy
{
    /// <summary>Components whose health the upstream LED shows unless configured otherwise.</summary>
    public static readonly IReadOnlyList<string> DefaultUpstreamComponents = ["alto-upstreams", "proxy-discovery"];

    private readonly HashSet<string> _upstream;

    public StatusLedPolicy(IEnumerable<string> upstreamComponents)
    {
        ArgumentNullException.ThrowIfNull(upstreamComponents);
        _upstream = new HashSet<string>(upstreamComponents, StringComparer.Ordinal);
    }

    public StatusLedPatterns Decide(IReadOnlyList<ComponentHealth> components, AgentPhase phase)
    {
        ArgumentNullException.ThrowIfNull(components);
        switch (phase)
        {
            case AgentPhase.StoppedCleanly:
                return new(LedPattern.Off, LedPattern.Off, LedPattern.Off);
            case AgentPhase.StoppingOnError:
                return new(LedPattern.Off, LedPattern.Off, LedPattern.On);
        }

        var starting = phase == AgentPhase.Starting || components.Count == 0 || components.Any(c => c.State == HealthState.Starting);
        var power = starting ? LedPattern.SlowBlink : LedPattern.On;

        var fault = Worst(components) switch
        {
            HealthState.Failed => LedPattern.FastBlink,
            HealthState.Degraded => LedPattern.SlowBlink,
            _ => LedPattern.Off,
        };

        var upstreamComponents = components.Where(c => _upstream.Contains(c.Component)).ToList();
        var upstream = upstreamComponents.Count == 0 ? LedPattern.Off : Worst(upstreamComponents) switch
        {
            HealthState.Ready => LedPattern.On,
            HealthState.Degraded => LedPattern.SlowBlink,
            HealthState.Failed => LedPattern.FastBlink,
            _ => LedPattern.Off, // not known yet
        };

        return new(power, upstream, fault);
    }

    private static HealthState Worst(IEnumerable<ComponentHealth> components) =>
        components.Select(c => c.State).DefaultIfEmpty(HealthState.Ready).Max();
}

namespace AltoGateway.Hardware.Leds;

/// <summary>What one status LED tells the box's owner.</summary>
public enum LedRole
{
    /// <summary>Blinks while the agent starts, on while it serves.</summary>
    Power,

    /// <summary>Whether the upstream ALTO servers and discovery answer.</summary>
    Upstream,

    /// <summary>A short flash per DHCP or ALTO transaction, rate-limited.</summary>
    Activity,

    /// <summary>Degraded, failed, or stopped on an error.</summary>
    Fault,
}

/// <summary>The names roles have in board files, logs, the trace and <c>/status</c>.</summary>
public static class LedRoles
{
    public static IReadOnlyList<LedRole> All { get; } = [LedRole.Power, LedRole.Upstream, LedRole.Activity, LedRole.Fault];

    public static string Name(this LedRole role) => role switch
    {
        LedRole.Power => "power",
        LedRole.Upstream => "upstream",
        LedRole.Activity => "activity",
        LedRole.Fault => "fault",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>A role by its name, case-insensitively (board files write <c>Power</c>).</summary>
    public static bool TryParse(string? text, out LedRole role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), text, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}

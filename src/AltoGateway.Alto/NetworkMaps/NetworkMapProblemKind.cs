namespace AltoGateway.Alto.NetworkMaps;

/// <summary>What is wrong with a network map (RFC 7285 §11.2.1).</summary>
public enum NetworkMapProblemKind
{
    /// <summary>A PID name breaks §10.1.</summary>
    InvalidPidName,

    /// <summary>A prefix does not parse for its address type (§10.4.4).</summary>
    InvalidPrefix,

    /// <summary>No PID holds 0.0.0.0/0 (§11.2.1.6: the map must be complete).</summary>
    MissingIpv4Default,

    /// <summary>No PID holds ::/0.</summary>
    MissingIpv6Default,

    /// <summary>The same prefix is in two PIDs (§11.2.1.6).</summary>
    DuplicatePrefix,
}

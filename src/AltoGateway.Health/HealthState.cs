namespace AltoGateway.Health;

/// <summary>
/// What a component says about itself. The numeric order is the order of severity, so the
/// agent's overall state is simply the largest value reported by any component.
/// </summary>
public enum HealthState
{
    /// <summary>Serving as configured.</summary>
    Ready = 0,

    /// <summary>Not serving yet (opening sockets, first dump of a feed, …).</summary>
    Starting = 1,

    /// <summary>Serving, but something it depends on is failing (an upstream, a feed).</summary>
    Degraded = 2,

    /// <summary>Not serving.</summary>
    Failed = 3,
}

namespace AltoGateway.Health;

/// <summary>One component's state, why it is in it (for degraded and failed), and since when.</summary>
public sealed record ComponentHealth(string Component, HealthState State, string? Reason, DateTimeOffset Since);

using System.Text.Json.Serialization;

namespace AltoGateway.Host.Http;

/// <summary>The body of <c>GET /status</c>.</summary>
internal sealed record StatusDocument(
    string Agent,
    string Version,
    string State,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    StatusListeners Listeners,
    IReadOnlyList<StatusComponent> Components,
    StatusNat Nat,
    StatusLeds Leds,
    IReadOnlyList<StatusDhcpInterface> Dhcp);

/// <summary>
/// One interface of <c>Dhcp:Interfaces</c> in <c>/status</c>: its modes, and in DHCPv4 server mode the leases
/// bound and the pool size (null in other modes, and while the server is not started).
/// </summary>
internal sealed record StatusDhcpInterface(string Interface, string Role, string V4Mode, string V6Mode, int? LeasesBound, int? PoolSize);

/// <summary>The NAT map's numbers in <c>/status</c>.</summary>
internal sealed record StatusNat(int Entries, int Subscribers, int Capacity, long Evicted, long Expired, long Rejected, long Lookups, long Misses, long ConntrackEvents, long ConntrackResyncs);

/// <summary>The status LEDs in <c>/status</c>: the board, what drives it, and each role's pattern.</summary>
internal sealed record StatusLeds(string Board, string Driver, IReadOnlyList<StatusLed> Roles);

/// <summary>One LED: its pattern since when, whether it is lit at this moment, and whether the board has it.</summary>
internal sealed record StatusLed(string Role, string Pattern, bool Lit, DateTimeOffset Since, bool Present);

internal sealed record StatusListeners(IReadOnlyList<string> Lan, IReadOnlyList<string> Wan);

internal sealed record StatusComponent(string Name, string State, string? Reason, DateTimeOffset Since);

/// <summary>The body of <c>GET /healthz</c>: the overall state and the components that are not ready.</summary>
internal sealed record HealthzDocument(string State, IReadOnlyList<StatusComponent> NotReady);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true)]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(HealthzDocument))]
internal sealed partial class HostJsonContext : JsonSerializerContext;

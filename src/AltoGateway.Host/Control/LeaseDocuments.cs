using System.Text.Json.Serialization;

namespace AltoGateway.Host.Control;

/// <summary>
/// One remembered address of a DHCPv4 server interface: bound, released, expired (free, remembered for its client)
/// or declined (quarantined). <see cref="Mac"/> is the client's Ethernet address when its identity is one
/// (htype 1, or option 61 of type 1); <see cref="Until"/> is the expiry, release time or end of quarantine.
/// </summary>
internal sealed record LeaseDocument(string Address, string State, string Client, string? Mac, DateTimeOffset Until);

/// <summary>A server-mode interface and its leases.</summary>
internal sealed record LeaseInterfaceDocument(string Interface, bool Serving, string? Problem, int PoolSize, int Bound, IReadOnlyList<LeaseDocument> Leases);

/// <summary>The answer to <c>altogw leases</c>.</summary>
internal sealed record LeaseListDocument(IReadOnlyList<LeaseInterfaceDocument> Interfaces);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(LeaseListDocument))]
[JsonSerializable(typeof(ControlErrorDocument))]
internal sealed partial class LeaseJsonContext : JsonSerializerContext;

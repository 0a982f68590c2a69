using AltoGateway.Host.Configuration;

namespace AltoGateway.Host.Http;

/// <summary>Endpoint metadata: the endpoint is served only on listeners of this group.</summary>
internal sealed record ListenerGroupMetadata(ListenerGroup Group);

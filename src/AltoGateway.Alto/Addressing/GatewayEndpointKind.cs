namespace AltoGateway.Alto.Addressing;

/// <summary>How a tracker named a peer in a third-party query to AltoGateway's proxy.</summary>
public enum GatewayEndpointKind
{
    /// <summary>An RFC 7285 typed endpoint address, "ipv4:…" or "ipv6:…" (§10.4).</summary>
    Address = 1,

    /// <summary>A public address and port: "altogwipv4port:…" or "altogwipv6port:…" (AltoGateway extension).</summary>
    AddressAndPort,

    /// <summary>A peer ID issued by an AltoGateway agent: "altogwpeer:…" (AltoGateway extension).</summary>
    PeerId,
}

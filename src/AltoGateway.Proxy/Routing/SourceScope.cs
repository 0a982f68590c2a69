namespace AltoGateway.Proxy.Routing;

/// <summary>Where a source endpoint belongs, which decides how its ALTO server is discovered.</summary>
public enum SourceScope
{
    /// <summary>
    /// A subscriber of this NAT (resolved through the NAT map, a peer ID or a port block, a shared public address of
    /// this NAT) or a private address: the agent's own access domain, found by RFC 7286. RFC 8686 §5.1.3: private and
    /// CGN addresses are never looked up in reverse DNS.
    /// </summary>
    OwnNetwork = 1,

    /// <summary>A public address of another network: its ALTO server is found by RFC 8686 XDOMDISC(address, SP).</summary>
    Foreign,
}

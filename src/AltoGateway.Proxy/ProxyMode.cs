namespace AltoGateway.Proxy;

/// <summary>What the upstream ALTO server knows about the subscribers behind this NAT.</summary>
public enum ProxyMode
{
    /// <summary>
    /// A home gateway: the upstream knows only public addresses. Subscribers are sent upstream as
    /// the gateway's public address, and two peers inside the same LAN are ranked here, cheapest.
    /// </summary>
    Home = 1,

    /// <summary>
    /// A carrier-grade NAT: the upstream knows the subscriber space (e.g. 100.64.0.0/10), so each
    /// subscriber is sent upstream as its internal address.
    /// </summary>
    Cgn,
}

namespace AltoGateway.Discovery.Resolution;

/// <summary>Which discovery procedure a request runs.</summary>
public enum DiscoveryProcedure
{
    /// <summary>RFC 8686 XDOMDISC(X, SP): reverse-DNS names of an address or prefix, most specific first.</summary>
    Xdomdisc,

    /// <summary>RFC 7286 §3.2: the access domain itself, one name.</summary>
    AccessDomain,
}

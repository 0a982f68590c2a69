namespace AltoGateway.Discovery.Resolution;

/// <summary>
/// One name a discovery request asks for NAPTR records, with the label that says which it is: "R128", "R48"
/// (RFC 8686 §3.3) or "access domain" (RFC 7286 §3.2).
/// </summary>
public readonly record struct DiscoveryName(string Label, string Name)
{
    /// <summary>"R48 1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa."</summary>
    public override string ToString() => Label + " " + Name;
}

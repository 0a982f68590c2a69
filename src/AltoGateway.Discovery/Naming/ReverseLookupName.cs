namespace AltoGateway.Discovery.Naming;

/// <summary>
/// One name XDOMDISC asks for NAPTR records (RFC 8686 §3.3): <see cref="Bits"/> is the number in the
/// RFC's label (R32, R24, … for IPv4; R128, R64, … for IPv6), <see cref="Name"/> the absolute,
/// lower-case reverse-DNS name ending in "in-addr.arpa." or "ip6.arpa.".
/// </summary>
public readonly record struct ReverseLookupName(int Bits, string Name)
{
    /// <summary>The name.</summary>
    public override string ToString() => Name;
}

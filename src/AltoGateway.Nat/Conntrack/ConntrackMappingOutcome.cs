namespace AltoGateway.Nat.Conntrack;

/// <summary>Whether a conntrack entry gives a NAT mapping, and if not, why (not an error: counted and ignored).</summary>
public enum ConntrackMappingOutcome
{
    /// <summary>A source-NATed TCP, UDP or SCTP flow: a mapping.</summary>
    SourceNat,

    /// <summary>The flow's source is not translated (original source equals reply destination, ports too).</summary>
    NotNatted,

    /// <summary>A protocol a mapping cannot be for (ICMP, GRE, …).</summary>
    UnsupportedProtocol,
}

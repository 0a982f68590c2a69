namespace AltoGateway.Nat.Map;

/// <summary>Which feed a mapping came from; a resync of one feed never touches another's entries.</summary>
public enum NatMappingSource : byte
{
    /// <summary>The kernel's connection tracking (netlink events and dumps).</summary>
    Conntrack = 1,

    /// <summary>Static entries of the configuration.</summary>
    Static = 2,
}

namespace AltoGateway.Nat.Conntrack;

/// <summary>What the NAT map must do for one conntrack message.</summary>
public enum ConntrackMapAction
{
    /// <summary>Nothing: the flow is not source-NATed, or other flows still use its mapping.</summary>
    None,

    /// <summary>Insert or refresh the mapping.</summary>
    Upsert,

    /// <summary>Remove the mapping: the last flow using it is gone.</summary>
    Remove,
}

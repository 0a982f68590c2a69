namespace AltoGateway.Dhcp.ServerMode;

/// <summary>The lease time (51) and the renewal and rebinding times (58, 59) of an OFFER or ACK.</summary>
public static class DhcpV4LeaseTimers
{
    /// <summary>
    /// Seconds for options 51, 58 and 59: RFC 2131 §4.4.5's defaults, T1 = 0.5 × lease and T2 = 0.875 × lease,
    /// rounded down, with T1 &lt; T2 &lt; lease kept for every lease of at least 3 s (T1 and T2 are at least 1 s).
    /// </summary>
    public static (uint Lease, uint Renewal, uint Rebinding) For(TimeSpan leaseTime)
    {
        var lease = (uint)Math.Clamp(Math.Ceiling(leaseTime.TotalSeconds), 1, uint.MaxValue - 1);
        var renewal = Math.Max(1u, lease / 2);
        var rebinding = Math.Max(renewal, (uint)(lease * 7UL / 8));
        return (lease, renewal, rebinding);
    }
}

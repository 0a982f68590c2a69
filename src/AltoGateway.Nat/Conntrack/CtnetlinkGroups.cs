namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// The nfnetlink multicast groups of conntrack events (linux/netfilter/nfnetlink.h,
/// <c>enum nfnetlink_groups</c>); join them with <c>NETLINK_ADD_MEMBERSHIP</c> or bind with the
/// bit <c>1 &lt;&lt; (group - 1)</c> in <c>sockaddr_nl.nl_groups</c>.
/// </summary>
public static class CtnetlinkGroups
{
    /// <summary><c>NFNLGRP_CONNTRACK_NEW</c>.</summary>
    public const int New = 1;

    /// <summary><c>NFNLGRP_CONNTRACK_UPDATE</c>.</summary>
    public const int Update = 2;

    /// <summary><c>NFNLGRP_CONNTRACK_DESTROY</c>.</summary>
    public const int Destroy = 3;
}

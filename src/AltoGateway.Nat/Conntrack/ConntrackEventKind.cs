namespace AltoGateway.Nat.Conntrack;

/// <summary>What a ctnetlink conntrack message says happened to the entry.</summary>
public enum ConntrackEventKind
{
    /// <summary><c>IPCTNL_MSG_CT_NEW</c> with <c>NLM_F_CREATE | NLM_F_EXCL</c>: a new entry (an IPCT_NEW event).</summary>
    New,

    /// <summary><c>IPCTNL_MSG_CT_NEW</c> without them: an update event, or an entry of a dump.</summary>
    Update,

    /// <summary><c>IPCTNL_MSG_CT_DELETE</c>: the entry is gone.</summary>
    Destroy,
}

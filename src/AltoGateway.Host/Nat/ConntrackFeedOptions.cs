namespace AltoGateway.Host.Nat;

/// <summary>
/// What the conntrack feed needs to run (made from the checked <c>Nat:Conntrack</c> configuration).
/// </summary>
internal sealed record ConntrackFeedOptions
{
    /// <summary>Learn mappings from conntrack (needs CAP_NET_ADMIN, and CAP_SYS_ADMIN with <see cref="NetworkNamespace"/>).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// The socket's receive buffer (SO_RCVBUFFORCE, else SO_RCVBUF up to net.core.rmem_max; the kernel
    /// doubles it for its bookkeeping). Too small and event bursts overflow it: the feed then
    /// resynchronises with a full dump, which costs far more than the memory would have.
    /// </summary>
    public int ReceiveBufferBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// The network namespace whose conntrack table to follow, when the NAT runs in another one than
    /// the agent: a name under /run/netns (as <c>ip netns add</c> makes them) or an absolute path
    /// such as /proc/PID/ns/net. Null or empty: the agent's own.
    /// </summary>
    public string? NetworkNamespace { get; init; }

    /// <summary>The file of <see cref="NetworkNamespace"/>, or null for the agent's own namespace.</summary>
    public string? NetworkNamespacePath =>
        string.IsNullOrEmpty(NetworkNamespace) ? null
        : NetworkNamespace.StartsWith('/') ? NetworkNamespace
        : Path.Combine("/run/netns", NetworkNamespace);
}

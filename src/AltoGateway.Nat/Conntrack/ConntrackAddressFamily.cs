namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// <c>nfgenmsg.nfgen_family</c> values ctnetlink uses: Linux's <c>AF_*</c> numbers (linux/socket.h),
/// which differ from <see cref="System.Net.Sockets.AddressFamily"/> for IPv6.
/// </summary>
public enum ConntrackAddressFamily : byte
{
    /// <summary><c>AF_UNSPEC</c>: in a dump request, every family.</summary>
    Unspecified = 0,

    /// <summary><c>AF_INET</c>.</summary>
    IPv4 = 2,

    /// <summary><c>AF_INET6</c>.</summary>
    IPv6 = 10,
}

namespace AltoGateway.Dhcp.V4;

/// <summary>The 'op' field (RFC 2131 §2, RFC 951).</summary>
public enum DhcpV4Operation : byte
{
    /// <summary>A message from a client (or a relay forwarding one).</summary>
    BootRequest = 1,

    /// <summary>A message from a server.</summary>
    BootReply = 2,
}

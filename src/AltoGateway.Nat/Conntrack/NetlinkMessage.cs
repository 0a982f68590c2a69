namespace AltoGateway.Nat.Conntrack;

/// <summary>One netlink message of a datagram: its header and the payload after it (padding excluded).</summary>
public readonly ref struct NetlinkMessage
{
    public NetlinkMessage(NetlinkMessageHeader header, ReadOnlySpan<byte> payload)
    {
        Header = header;
        Payload = payload;
    }

    public NetlinkMessageHeader Header { get; }

    public ReadOnlySpan<byte> Payload { get; }
}

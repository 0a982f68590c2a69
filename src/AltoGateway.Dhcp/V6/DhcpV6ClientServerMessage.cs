namespace AltoGateway.Dhcp.V6;

/// <summary>A message between client and server: msg-type, a 3-octet transaction-id, options (RFC 8415 §8).</summary>
public sealed record DhcpV6ClientServerMessage : DhcpV6Message
{
    /// <summary>The largest transaction-id: it has 24 bits.</summary>
    public const uint MaximumTransactionId = 0xFFFFFF;

    private readonly uint transactionId;

    /// <summary>transaction-id, 24 bits.</summary>
    public uint TransactionId
    {
        get => transactionId;
        init => transactionId = value <= MaximumTransactionId
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A DHCPv6 transaction-id has 24 bits (RFC 8415 §8).");
    }
}

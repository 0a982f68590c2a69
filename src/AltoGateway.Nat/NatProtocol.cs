namespace AltoGateway.Nat;

/// <summary>Transport protocols a NAT mapping can be for, by their IANA protocol numbers.</summary>
public enum NatProtocol : byte
{
    Tcp = 6,
    Udp = 17,
    Sctp = 132,
}

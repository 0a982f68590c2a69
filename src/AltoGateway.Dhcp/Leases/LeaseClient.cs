namespace AltoGateway.Dhcp.Leases;

/// <summary>
/// The sender of a DHCP message as the lease table sees it: <see cref="Identity"/> owns leases
/// (RFC 2131 §4.2), <see cref="Hardware"/> (htype + chaddr) is what a reservation by MAC matches
/// even when the client also sends a client identifier (e.g. an RFC 4361 DUID).
/// </summary>
public readonly record struct LeaseClient(ClientIdentity Identity, ClientIdentity Hardware)
{
    /// <summary>The client of a message: option 61 (empty span when absent), htype and chaddr[..hlen].</summary>
    public static LeaseClient FromMessage(ReadOnlySpan<byte> clientIdentifierOption, byte hardwareType, ReadOnlySpan<byte> hardwareAddress)
    {
        var hardware = ClientIdentity.FromHardware(hardwareType, hardwareAddress);
        return new LeaseClient(ClientIdentity.KeysClient(clientIdentifierOption) ? ClientIdentity.FromClientIdentifier(clientIdentifierOption) : hardware, hardware);
    }

    /// <summary>An Ethernet client without option 61.</summary>
    public static LeaseClient FromEthernet(ReadOnlySpan<byte> mac)
    {
        var hardware = ClientIdentity.FromEthernet(mac);
        return new LeaseClient(hardware, hardware);
    }

    public override string ToString() => Identity.ToString();
}

namespace AltoGateway.Dhcp.Tests.V6;

/// <summary>DHCPv6 messages encoded by hand from RFC 8415 §8, §9 and §21.</summary>
internal static class DhcpV6Vectors
{
    /// <summary>DUID-LL of MAC 00:0c:29:5a:1b:2c (§11.4): type 3, hardware type 1.</summary>
    public const string ClientDuid = "0003 0001 000c295a1b2c";

    /// <summary>
    /// Information-request (11), xid 0x0a0b0c: Client ID, Elapsed Time 0, ORO asking for 23, 24, 57, 32 and 83,
    /// and an unknown option 65000 (§18.2.6).
    /// </summary>
    public static readonly byte[] InformationRequest = Hex(
        "0b 0a0b0c"
        + "0001 000a " + ClientDuid
        + "0008 0002 0000"
        + "0006 000a 0017 0018 0039 0020 0053"
        + "fde8 0003 abcdef");

    /// <summary>
    /// Reply (7) to it: Server ID (DUID-EN 32473), Client ID, DNS server 2001:db8::53, Domain List example.net.,
    /// 57 example.net., Information Refresh Time 86400, Status Code Success "ok".
    /// </summary>
    public static readonly byte[] Reply = Hex(
        "07 0a0b0c"
        + "0002 000a 0002 00007ed9 01020304"
        + "0001 000a " + ClientDuid
        + "0017 0010 20010db8000000000000000000000053"
        + "0018 000d 076578616d706c65036e657400"
        + "0039 000d 076578616d706c65036e657400"
        + "0020 0004 00015180"
        + "000d 0004 0000 6f6b");

    /// <summary>Relay-Forw (12) around the Information-request: hop 0, link 2001:db8:1::1, peer fe80::20c:29ff:fe5a:1b2c, Interface-Id "eth1".</summary>
    public static byte[] RelayForward() => Hex(
        "0c 00 20010db8000100000000000000000001 fe80000000000000020c29fffe5a1b2c"
        + "0012 0004 65746831"
        + "0009 " + ((ushort)InformationRequest.Length).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)
        + Convert.ToHexString(InformationRequest));

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}

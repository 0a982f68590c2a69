using System.Net;

namespace AltoGateway.Dhcp.Tests.V4;

/// <summary>
/// DHCPv4 messages laid out by hand at the offsets of RFC 2131 §2 (op 0, xid 4, secs 8, flags 10, ciaddr 12,
/// yiaddr 16, siaddr 20, giaddr 24, chaddr 28, sname 44, file 108, cookie 236, options 240), independent of the writer.
/// </summary>
internal static class DhcpV4Packets
{
    public const uint Xid = 0x3903F326;
    public static readonly byte[] ClientMac = [0x00, 0x0C, 0x29, 0x5A, 0x1B, 0x2C];

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static byte[] Build(
        byte op,
        string options,
        string ciaddr = "0.0.0.0",
        string yiaddr = "0.0.0.0",
        string siaddr = "0.0.0.0",
        string giaddr = "0.0.0.0",
        ushort flags = 0,
        string sname = "",
        string file = "",
        int minimumLength = 300)
    {
        var optionBytes = Hex(options);
        var packet = new byte[Math.Max(240 + optionBytes.Length, minimumLength)];
        packet[0] = op;
        packet[1] = 1; // Ethernet
        packet[2] = 6;
        packet[3] = 0;
        packet[4] = 0x39;
        packet[5] = 0x03;
        packet[6] = 0xF3;
        packet[7] = 0x26;
        packet[8] = 0;
        packet[9] = 4; // secs 4
        packet[10] = (byte)(flags >> 8);
        packet[11] = (byte)flags;
        IPAddress.Parse(ciaddr).GetAddressBytes().CopyTo(packet, 12);
        IPAddress.Parse(yiaddr).GetAddressBytes().CopyTo(packet, 16);
        IPAddress.Parse(siaddr).GetAddressBytes().CopyTo(packet, 20);
        IPAddress.Parse(giaddr).GetAddressBytes().CopyTo(packet, 24);
        ClientMac.CopyTo(packet, 28);
        Hex(sname).CopyTo(packet, 44);
        Hex(file).CopyTo(packet, 108);
        packet[236] = 0x63;
        packet[237] = 0x82;
        packet[238] = 0x53;
        packet[239] = 0x63;
        optionBytes.CopyTo(packet, 240);
        return packet;
    }

    /// <summary>DHCPDISCOVER: 53=1, 61 = Ethernet MAC, 55 = 1 3 6 15 213, End.</summary>
    public static byte[] Discover() =>
        Build(1, "3501 01" + "3d07 01000c295a1b2c" + "3705 0103060fd5" + "ff", flags: 0x8000);

    /// <summary>DHCPOFFER of 192.0.2.10 from 192.0.2.1: 53=2, 54, 51 = 3600, 1, 3, 6, End.</summary>
    public static byte[] Offer() =>
        Build(2, "3501 02" + "3604 c0000201" + "3304 00000e10" + "0104 ffffff00" + "0304 c0000201" + "0608 c0000201 c0000202" + "ff",
            yiaddr: "192.0.2.10", siaddr: "192.0.2.1", flags: 0x8000);

    /// <summary>DHCPREQUEST (SELECTING): 53=3, 50 = 192.0.2.10, 54 = 192.0.2.1, 55, End.</summary>
    public static byte[] Request() =>
        Build(1, "3501 03" + "3204 c000020a" + "3604 c0000201" + "3705 0103060fd5" + "ff", flags: 0x8000);

    /// <summary>DHCPACK: 53=5, 54, 51, 58, 59, 1, 3, 213 example.net., End.</summary>
    public static byte[] Ack() =>
        Build(2, "3501 05" + "3604 c0000201" + "3304 00000e10" + "3a04 00000708" + "3b04 00000c4e" + "0104 ffffff00" + "0304 c0000201"
            + "d50d 076578616d706c65 036e6574 00" + "ff", yiaddr: "192.0.2.10");

    /// <summary>DHCPINFORM from 192.0.2.77: 53=8, 55 = 1 3 6 213 234, End.</summary>
    public static byte[] Inform() => Build(1, "3501 08" + "3705 010306d5ea" + "ff", ciaddr: "192.0.2.77");
}

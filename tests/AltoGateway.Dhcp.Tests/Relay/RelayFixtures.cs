using System.Net;
using AltoGateway.Dhcp.Alto;
using AltoGateway.Dhcp.Relay;
using AltoGateway.Dhcp.Tests.Alto;
using AltoGateway.Dhcp.Tests.V4;
using AltoGateway.Dhcp.V4;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Dhcp.Tests.Relay;

/// <summary>A relay on 192.0.2.1 (the client interface) toward 198.51.100.7 and 198.51.100.8, and messages to feed it.</summary>
internal static class RelayFixtures
{
    public const string PeerId = "1AAAAAAAAAAAAAAAAAAAAAAAAAA";
    public static readonly IPAddress InterfaceAddress = IPAddress.Parse("192.0.2.1");
    public static readonly IPAddress ServerA = IPAddress.Parse("198.51.100.7");
    public static readonly IPAddress ServerB = IPAddress.Parse("198.51.100.8");
    public static readonly IPAddress[] InterfaceAddresses = [InterfaceAddress];
    public static readonly Uri DirectoryUri = new("http://192.0.2.1:7285/directory");

    public static readonly AltoDhcpSettings AltoSettings = new() { AccessDomain = AccessDomainOptionTests.Name("example.net"), DirectoryUri = DirectoryUri };

    public static readonly DhcpV4RelayAgentInformation Option82 = DhcpV4RelayAgentInformation.Create("eth1"u8.ToArray(), "cpe-17"u8.ToArray());

    public static DhcpV4Relay NewRelay(
        DhcpV4RelayAgentInformation? option82 = null, bool trusted = false, AltoDhcpSettings? alto = null, DhcpV4RelayRequestMemory? memory = null) =>
        new(new DhcpV4RelaySettings { Servers = [ServerA, ServerB], AgentInformation = option82, Trusted = trusted },
            new AltoDhcpOptions(alto ?? AltoSettings), (alto ?? AltoSettings).EnterpriseNumber, memory ?? new DhcpV4RelayRequestMemory(new FakeTimeProvider()));

    public static DhcpV4Message Read(byte[] packet) =>
        DhcpV4Reader.TryRead(packet, out var message, out var failure) ? message : throw new InvalidOperationException(failure.ToString());

    /// <summary>The server's DHCPOFFER of 192.0.2.10 to a request relayed by 192.0.2.1: 53, 54, 51, 1, 3, 6, 15, 42, End.</summary>
    public static DhcpV4Message Offer(string extra = "", ushort flags = 0x8000) => Read(DhcpV4Packets.Build(2,
        "3501 02" + "3604 c6336407" + "3304 00000e10" + "0104 ffffff00" + "0304 c0000201" + "0604 c6336401" + "0f0b 6578616d706c652e6f7267" + "2a04 c6336401" + extra + "ff",
        yiaddr: "192.0.2.10", giaddr: "192.0.2.1", flags: flags));

    public static DhcpV4Message Ack(string extra = "", string ciaddr = "0.0.0.0", string yiaddr = "192.0.2.10") => Read(DhcpV4Packets.Build(2,
        "3501 05" + "3604 c6336407" + "3304 00000e10" + "0104 ffffff00" + "0304 c0000201" + extra + "ff",
        ciaddr: ciaddr, yiaddr: yiaddr, giaddr: "192.0.2.1"));

    /// <summary>The wire form of a message as the relay sends it.</summary>
    public static byte[] Wire(DhcpV4Message message) => DhcpV4Writer.Write(message, 1472);

    /// <summary>The options field of a written message up to and with End (the TLVs as they are on the wire).</summary>
    public static byte[] OptionsField(byte[] packet)
    {
        var position = DhcpV4Reader.OptionsOffset;
        while (packet[position] != DhcpV4OptionCode.End)
        {
            position += packet[position] == DhcpV4OptionCode.Pad ? 1 : 2 + packet[position + 1];
        }

        return packet[DhcpV4Reader.OptionsOffset..(position + 1)];
    }

    /// <summary>Code and hex data of every option, in order: what "byte-identical and in the same order" compares.</summary>
    public static string[] Listing(IEnumerable<DhcpV4Option> options) => [.. options.Select(o => o.ToString())];
}

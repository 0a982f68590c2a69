using System.Net;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Tests.V4;

/// <summary>The DHCPACK for a DHCPINFORM (RFC 2131 §3.4, §4.3.5): no lease time, yiaddr 0, ciaddr echoed, sent to ciaddr.</summary>
public class DhcpV4InformReplyTests
{
    private static readonly IPAddress Server = IPAddress.Parse("192.0.2.1");

    [Fact]
    public void Ack_has_no_lease_times_yiaddr_zero_and_echoes_ciaddr()
    {
        var inform = DhcpV4Reader.Read(DhcpV4Packets.Inform());
        DhcpV4Option[] parameters =
        [
            DhcpV4Option.FromAddress(DhcpV4OptionCode.SubnetMask, IPAddress.Parse("255.255.255.0")),
            DhcpV4Option.FromUInt32(DhcpV4OptionCode.LeaseTime, 3600),
            DhcpV4Option.FromUInt32(DhcpV4OptionCode.RenewalTime, 1800),
            DhcpV4Option.FromUInt32(DhcpV4OptionCode.RebindingTime, 3150),
            new DhcpV4Option(DhcpV4OptionCode.AccessDomain, DhcpV4Packets.Hex("076578616d706c65036e657400")),
        ];

        var ack = DhcpV4InformReply.Create(inform, Server, parameters);
        var wire = DhcpV4Writer.Write(ack);

        Assert.Equal(2, wire[0]);
        Assert.Equal(DhcpV4Packets.Hex("3903f326"), wire[4..8]);
        Assert.Equal(DhcpV4Packets.Hex("c000024d"), wire[12..16]); // ciaddr echoed
        Assert.Equal(DhcpV4Packets.Hex("00000000"), wire[16..20]); // yiaddr 0
        Assert.Equal(DhcpV4Packets.ClientMac, wire[28..34]);
        var read = DhcpV4Reader.Read(wire);
        Assert.Equal(DhcpV4MessageType.Ack, read.MessageType);
        Assert.Equal([53, 54, 1, 213], read.Options.Select(o => (int)o.Code));
        Assert.Null(read.FindOption(DhcpV4OptionCode.LeaseTime));
        Assert.True(read.FindOption(DhcpV4OptionCode.ServerIdentifier)!.TryGetAddress(out var id));
        Assert.Equal(Server, id);
    }

    [Fact]
    public void Ack_goes_to_ciaddr_at_port_68_or_to_the_relay_at_67()
    {
        var inform = DhcpV4Reader.Read(DhcpV4Packets.Inform());
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.77"), 68), DhcpV4InformReply.Destination(inform));

        var relayed = inform with { GatewayAddress = IPAddress.Parse("192.0.2.254") };
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.254"), 67), DhcpV4InformReply.Destination(relayed));
        Assert.Equal(IPAddress.Parse("192.0.2.254"), DhcpV4InformReply.Create(relayed, Server, []).GatewayAddress);
    }

    [Fact]
    public void Relayed_inform_gets_82_echoed_last()
    {
        var inform = DhcpV4Reader.Read(DhcpV4Packets.Build(1, "3501 08 5203 0101 61 ff", ciaddr: "192.0.2.77", giaddr: "192.0.2.254"));
        var ack = DhcpV4InformReply.Create(inform, Server, [DhcpV4Option.FromText(DhcpV4OptionCode.DomainName, "example.net")]);

        Assert.Equal([53, 54, 15, 82], ack.Options.Select(o => (int)o.Code));
        Assert.Equal(DhcpV4Packets.Hex("010161"), ack.Options[^1].Data.ToArray());
    }
}

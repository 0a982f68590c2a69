using System.Net;
using System.Text;
using AltoGateway.Dhcp.Alto;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.Tests.Alto;
using AltoGateway.Dhcp.Tests.V4;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Tests.Replies;

/// <summary>
/// INFORM-only mode (RFC 2131 §3.4, §4.3.5): a DHCPINFORM gets an ACK with 54 and the ALTO options it asked for
/// (or all of them with AlwaysSend), no lease time, yiaddr 0, sent to ciaddr; everything else is ignored.
/// </summary>
public class DhcpV4InformResponderTests
{
    private const string PeerId = "1AAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static readonly IPAddress Server = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress Client = IPAddress.Parse("192.0.2.77");
    private static readonly Uri Directory = new("http://192.0.2.1:7285/directory");

    private static readonly AltoDhcpSettings Settings = new()
    {
        AccessDomain = AccessDomainOptionTests.Name("example.net"),
        DirectoryUri = Directory,
    };

    public static TheoryData<string, int[]> PrlCases => new()
    {
        { "d5", [53, 54, 213] },
        { "ea", [53, 54, 234] },
        { "7d", [53, 54, 125] },
        { "010306d5ea7d", [53, 54, 213, 234, 125] },
        { "7dead5", [53, 54, 213, 234, 125] }, // the options go in a fixed order, whatever the PRL's
    };

    [Theory]
    [MemberData(nameof(PrlCases))]
    public void Ack_carries_54_and_exactly_the_alto_options_the_prl_asks_for(string prl, int[] codes)
    {
        var response = Respond(Inform(prl), Settings, _ => PeerId);

        var ack = Assert.IsType<DhcpV4Message>(response.Reply);
        Assert.Equal(codes, ack.Options.Select(o => (int)o.Code));
        Assert.Equal(DhcpV4MessageType.Ack, ack.MessageType);
        Assert.True(ack.FindOption(DhcpV4OptionCode.ServerIdentifier)!.TryGetAddress(out var id));
        Assert.Equal(Server, id);
    }

    [Fact]
    public void Ack_has_no_lease_time_yiaddr_zero_and_goes_to_ciaddr_at_68()
    {
        var response = Respond(Inform("d5ea7d"), Settings, _ => PeerId);

        var ack = response.Reply!;
        Assert.Null(ack.FindOption(DhcpV4OptionCode.LeaseTime));
        Assert.Null(ack.FindOption(DhcpV4OptionCode.RenewalTime));
        Assert.Null(ack.FindOption(DhcpV4OptionCode.RebindingTime));
        Assert.Equal(IPAddress.Any, ack.YourAddress);
        Assert.Equal(Client, ack.ClientAddress);
        Assert.Equal(DhcpV4Packets.Xid, ack.TransactionId);
        Assert.Equal(DhcpV4Operation.BootReply, ack.Operation);
        Assert.Equal(new DhcpV4Destination(new IPEndPoint(Client, 68), DhcpV4DestinationKind.ClientAddress), response.Destination);
    }

    [Fact]
    public void Option_213_is_rfc_5986_wire_format_and_234_the_uri()
    {
        var ack = Respond(Inform("d5ea"), Settings, null).Reply!;

        Assert.Equal(DhcpV4Packets.Hex("076578616d706c65036e657400"), ack.FindOption(213)!.Data.ToArray());
        Assert.Equal(Directory.AbsoluteUri, Encoding.ASCII.GetString(ack.FindOption(234)!.Data.Span));
    }

    [Fact]
    public void The_vendor_option_carries_the_uri_and_the_peer_id_of_ciaddr()
    {
        IPAddress? askedFor = null;
        var ack = Respond(Inform("7d"), Settings, address =>
        {
            askedFor = address;
            return PeerId;
        }).Reply!;

        Assert.Equal(Client, askedFor);
        var uri = Encoding.ASCII.GetBytes(Directory.AbsoluteUri);
        byte[] subOptions = [1, (byte)uri.Length, .. uri, 2, (byte)PeerId.Length, .. Encoding.ASCII.GetBytes(PeerId)];
        Assert.Equal((byte[])[0x00, 0x00, 0x7E, 0xD9, (byte)subOptions.Length, .. subOptions], ack.FindOption(125)!.Data.ToArray());
    }

    [Fact]
    public void Without_peer_ids_the_vendor_option_carries_the_uri_only()
    {
        var ack = Respond(Inform("7d"), Settings, null).Reply!;

        Assert.Equal(UriOnlyVendorOption(), ack.FindOption(125)!.Data.ToArray());
    }

    [Fact]
    public void An_inform_without_ciaddr_gets_no_peer_id_and_is_broadcast()
    {
        var inform = DhcpV4Reader.Read(DhcpV4Packets.Build(1, "3501 08 3701 7d ff"));
        var response = Respond(inform, Settings, _ => throw new InvalidOperationException("no subscriber to name"));

        Assert.Equal(DhcpV4DestinationKind.Broadcast, response.Destination.Kind);
        Assert.Equal(new IPEndPoint(IPAddress.Broadcast, 68), response.Destination.Endpoint);
        Assert.Equal(UriOnlyVendorOption(), response.Reply!.FindOption(125)!.Data.ToArray());
    }

    [Fact]
    public void Always_send_adds_every_option_to_a_client_that_asks_for_none()
    {
        var ack = Respond(Inform("0103"), Settings with { AlwaysSend = true }, _ => PeerId).Reply!;

        Assert.Equal([53, 54, 213, 234, 125], ack.Options.Select(o => (int)o.Code));
    }

    [Fact]
    public void A_client_asking_for_no_alto_option_gets_no_ack_to_race_the_real_server()
    {
        Assert.Equal(DhcpIgnoreReason.NotAsked, Respond(Inform("010306"), Settings, _ => PeerId).Ignored);
        Assert.Equal(DhcpIgnoreReason.NotAsked, Respond(DhcpV4Reader.Read(DhcpV4Packets.Build(1, "3501 08 ff", ciaddr: "192.0.2.77")), Settings, null).Ignored);
    }

    [Fact]
    public void A_relayed_inform_goes_back_to_the_relay_with_82_echoed()
    {
        var inform = DhcpV4Reader.Read(DhcpV4Packets.Build(1, "3501 08 3701 d5 5203 0101 61 ff", ciaddr: "192.0.2.77", giaddr: "198.51.100.1"));
        var response = Respond(inform, Settings, null);

        Assert.Equal(new DhcpV4Destination(new IPEndPoint(IPAddress.Parse("198.51.100.1"), 67), DhcpV4DestinationKind.Relay), response.Destination);
        Assert.Equal([53, 54, 213, 82], response.Reply!.Options.Select(o => (int)o.Code));
    }

    [Theory]
    [InlineData("3501 01 3701 d5 ff", 1)] // DISCOVER: the real server's
    [InlineData("3501 03 3701 d5 ff", 1)] // REQUEST
    [InlineData("3501 04 ff", 1)] // DECLINE
    [InlineData("3501 07 ff", 1)] // RELEASE
    [InlineData("3701 d5 ff", 1)] // BOOTP: no option 53
    [InlineData("3501 08 3701 d5 ff", 2)] // an INFORM in a BOOTREPLY
    public void Every_other_message_is_not_ours(string options, byte op) =>
        Assert.Equal(DhcpIgnoreReason.NotOurs, Respond(DhcpV4Reader.Read(DhcpV4Packets.Build(op, options, ciaddr: "192.0.2.77")), Settings with { AlwaysSend = true }, null).Ignored);

    [Fact]
    public void The_ack_is_written_and_read_back_as_the_same_message()
    {
        var ack = Respond(Inform("d5ea7d"), Settings, _ => PeerId).Reply!;

        var read = DhcpV4Reader.Read(DhcpV4Writer.Write(ack));
        Assert.Equal(ack.Options.Select(o => (o.Code, Convert.ToHexString(o.Data.Span))), read.Options.Select(o => (o.Code, Convert.ToHexString(o.Data.Span))));
    }

    private static byte[] UriOnlyVendorOption()
    {
        var uri = Encoding.ASCII.GetBytes(Directory.AbsoluteUri);
        return [0x00, 0x00, 0x7E, 0xD9, (byte)(uri.Length + 2), 1, (byte)uri.Length, .. uri];
    }

    private static DhcpV4Message Inform(string prl) =>
        DhcpV4Reader.Read(DhcpV4Packets.Build(1, $"3501 08 37{prl.Length / 2:x2} {prl} ff", ciaddr: "192.0.2.77"));

    private static DhcpV4Response Respond(DhcpV4Message inform, AltoDhcpSettings settings, Func<IPAddress, string?>? peerIdOf) =>
        new DhcpV4InformResponder(new AltoDhcpOptions(settings)).Respond(inform, Server, peerIdOf);
}

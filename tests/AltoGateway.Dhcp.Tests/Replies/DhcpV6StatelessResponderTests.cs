using System.Net;
using System.Text;
using AltoGateway.Dhcp.Alto;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.Tests.Alto;
using AltoGateway.Dhcp.Tests.V6;
using AltoGateway.Dhcp.V6;

namespace AltoGateway.Dhcp.Tests.Replies;

/// <summary>
/// Stateless DHCPv6 (RFC 8415 §18.3.6): an Information-request gets a Reply with Server ID, the Client ID echoed,
/// the ALTO options its ORO asks for, and the Information Refresh Time; other messages and the ones RFC 8415
/// §16.12 discards get nothing.
/// </summary>
public class DhcpV6StatelessResponderTests
{
    private const string PeerId = "1BBBBBBBBBBBBBBBBBBBBBBBBBB";
    private static readonly DhcpV6Duid ServerDuid = DhcpV6ServerDuid.FromUuid(Enumerable.Range(1, 16).Select(i => (byte)i).ToArray());
    private static readonly IPAddress LinkLocal = IPAddress.Parse("fe80::20c:29ff:fe5a:1b2c");
    private static readonly IPAddress Global = IPAddress.Parse("2001:db8:1::77");
    private static readonly Uri Directory = new("http://[2001:db8::1]:7285/directory");

    private static readonly AltoDhcpSettings Settings = new()
    {
        AccessDomain = AccessDomainOptionTests.Name("example.net"),
        DirectoryUri = Directory,
    };

    [Fact]
    public void Reply_has_server_id_client_id_57_and_the_refresh_time_in_that_order()
    {
        var request = DhcpV6Reader.Read(DhcpV6Vectors.InformationRequest); // ORO: 23, 24, 57, 32, 83
        var reply = Respond(request, Settings, LinkLocal, _ => PeerId).Reply!;

        Assert.Equal(DhcpV6MessageType.Reply, reply.MessageType);
        Assert.Equal(0x0a0b0cu, reply.TransactionId);
        Assert.Equal([2, 1, 57, 32], reply.Options.Select(o => (int)o.Code));
        Assert.Equal(Convert.FromHexString("00040102030405060708090a0b0c0d0e0f10"), reply.FindOption(2)!.Data.ToArray());
        Assert.Equal(Convert.FromHexString(DhcpV6Vectors.ClientDuid.Replace(" ", string.Empty, StringComparison.Ordinal)), reply.FindOption(1)!.Data.ToArray());
        Assert.Equal(Convert.FromHexString("076578616d706c65036e657400"), reply.FindOption(57)!.Data.ToArray());
        Assert.True(reply.FindOption(32)!.TryGetUInt32(out var refresh));
        Assert.Equal(86400u, refresh);
    }

    [Fact]
    public void The_vendor_option_carries_the_uri_and_the_peer_id_of_a_global_source()
    {
        IPAddress? askedFor = null;
        var reply = Respond(Inform(57, 17), Settings, Global, address =>
        {
            askedFor = address;
            return PeerId;
        }).Reply!;

        Assert.Equal(Global, askedFor);
        Assert.True(DhcpV6VendorOption.TryRead(reply.FindOption(17)!.Data, out var vendor, out _, out _));
        Assert.Equal(32473u, vendor.EnterpriseNumber);
        Assert.Equal(Directory.AbsoluteUri, Encoding.ASCII.GetString(vendor.Find(1)!.Value.Span));
        Assert.Equal(PeerId, Encoding.ASCII.GetString(vendor.Find(2)!.Value.Span));
    }

    [Fact]
    public void A_link_local_source_names_no_subscriber_so_there_is_no_peer_id()
    {
        var reply = Respond(Inform(17), Settings, LinkLocal, _ => throw new InvalidOperationException("no subscriber to name")).Reply!;

        Assert.True(DhcpV6VendorOption.TryRead(reply.FindOption(17)!.Data, out var vendor, out _, out _));
        Assert.Equal([1], vendor.SubOptions.Select(s => (int)s.Code));
    }

    [Fact]
    public void Only_what_the_oro_asks_for_is_sent_unless_always_send()
    {
        Assert.Equal([2, 1, 32], Respond(Inform(23), Settings, LinkLocal, null).Reply!.Options.Select(o => (int)o.Code));
        Assert.Equal([2, 1, 17, 32], Respond(Inform(17), Settings, LinkLocal, null).Reply!.Options.Select(o => (int)o.Code));
        Assert.Equal([2, 1, 57, 17, 32], Respond(Inform(), Settings with { AlwaysSend = true }, LinkLocal, null).Reply!.Options.Select(o => (int)o.Code));
    }

    [Theory]
    [InlineData(600, 600u)]
    [InlineData(3600, 3600u)]
    [InlineData(4294967295.0, uint.MaxValue)]
    [InlineData(5000000000.0, uint.MaxValue)] // beyond 0xffffffff s: infinity
    public void The_refresh_time_is_the_configured_one(double seconds, uint expected)
    {
        var responder = new DhcpV6StatelessResponder(new AltoDhcpOptions(Settings), ServerDuid, TimeSpan.FromSeconds(seconds));

        Assert.True(responder.Respond(Inform(57), LinkLocal, null).Reply!.FindOption(32)!.TryGetUInt32(out var refresh));
        Assert.Equal(expected, refresh);
    }

    [Fact]
    public void A_refresh_time_below_irt_minimum_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DhcpV6StatelessResponder(new AltoDhcpOptions(Settings), ServerDuid, TimeSpan.FromSeconds(599)));

    [Theory]
    [InlineData(DhcpV6MessageType.Solicit)]
    [InlineData(DhcpV6MessageType.Request)]
    [InlineData(DhcpV6MessageType.Renew)]
    [InlineData(DhcpV6MessageType.Rebind)]
    [InlineData(DhcpV6MessageType.Confirm)]
    [InlineData(DhcpV6MessageType.Release)]
    [InlineData(DhcpV6MessageType.Reply)]
    public void Other_messages_are_not_ours(DhcpV6MessageType type) =>
        Assert.Equal(DhcpIgnoreReason.NotOurs, Respond(Inform(57) with { MessageType = type }, Settings with { AlwaysSend = true }, LinkLocal, null).Ignored);

    [Fact]
    public void A_relay_forward_is_not_ours() =>
        Assert.Equal(DhcpIgnoreReason.NotOurs, Respond(DhcpV6Reader.Read(DhcpV6Vectors.RelayForward()), Settings, LinkLocal, null).Ignored);

    [Fact]
    public void An_information_request_for_another_server_or_with_an_ia_is_discarded()
    {
        var otherServer = Inform(57) with { Options = [.. Inform(57).Options, new DhcpV6Option(2, Convert.FromHexString("0003000100aabbccddee"))] };
        var ownServer = Inform(57) with { Options = [.. Inform(57).Options, new DhcpV6Option(2, ServerDuid.Value)] };
        var withIa = Inform(57) with { Options = [.. Inform(57).Options, new DhcpV6Option(3, new byte[12])] };

        Assert.Equal(DhcpIgnoreReason.OtherServer, Respond(otherServer, Settings, LinkLocal, null).Ignored);
        Assert.NotNull(Respond(ownServer, Settings, LinkLocal, null).Reply);
        Assert.Equal(DhcpIgnoreReason.IdentityAssociation, Respond(withIa, Settings, LinkLocal, null).Ignored);
    }

    [Fact]
    public void The_reply_is_written_and_read_back_as_the_same_message()
    {
        var reply = Respond(DhcpV6Reader.Read(DhcpV6Vectors.InformationRequest), Settings, LinkLocal, null).Reply!;

        var read = DhcpV6Reader.Read(DhcpV6Writer.Write(reply));
        Assert.Equal(reply.Options.Select(o => o.ToString()), read.Options.Select(o => o.ToString()));
    }

    [Fact]
    public void Server_duid_is_a_duid_uuid_that_survives_its_stored_form()
    {
        Assert.Equal(DhcpV6DuidType.Uuid, ServerDuid.Type);
        Assert.Equal(18, ServerDuid.Value.Length);
        Assert.True(DhcpV6ServerDuid.TryParse(DhcpV6ServerDuid.Format(ServerDuid) + "\n", out var read));
        Assert.Equal(ServerDuid.Value.ToArray(), read.Value.ToArray());
        Assert.False(DhcpV6ServerDuid.TryParse("0004zz", out _));
        Assert.False(DhcpV6ServerDuid.TryParse("00", out _));
    }

    private static DhcpV6ClientServerMessage Inform(params ushort[] oro) => new()
    {
        MessageType = DhcpV6MessageType.InformationRequest,
        TransactionId = 0x123456,
        Options =
        [
            new DhcpV6Option(DhcpV6OptionCode.ClientId, Convert.FromHexString("00030001000c295a1b2c")),
            DhcpV6Option.FromUInt16(DhcpV6OptionCode.ElapsedTime, 0),
            DhcpV6Option.OptionRequest(oro),
        ],
    };

    private static DhcpV6Response Respond(DhcpV6Message request, AltoDhcpSettings settings, IPAddress source, Func<IPAddress, string?>? peerIdOf) =>
        new DhcpV6StatelessResponder(new AltoDhcpOptions(settings), ServerDuid, DhcpV6InformationRefreshTime.Default).Respond(request, source, peerIdOf);
}

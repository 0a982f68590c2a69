using System.Net;
using AltoGateway.Dhcp.Alto;
using AltoGateway.Dhcp.Options;
using AltoGateway.Dhcp.V6;

namespace AltoGateway.Dhcp.Tests.V6;

/// <summary>Stateless DHCPv6 (RFC 8415 §18.2.6, §18.3.6) and relaying (§9, §19): reading, typed options, round trips.</summary>
public class DhcpV6ReaderWriterTests
{
    [Fact]
    public void Information_request_reads_its_header_and_options()
    {
        var message = Assert.IsType<DhcpV6ClientServerMessage>(DhcpV6Reader.Read(DhcpV6Vectors.InformationRequest));

        Assert.Equal(DhcpV6MessageType.InformationRequest, message.MessageType);
        Assert.Equal(0x0a0b0cu, message.TransactionId);
        Assert.Equal([1, 8, 6, 65000], message.Options.Select(o => (int)o.Code));
        Assert.Equal([23, 24, 57, 32, 83], message.RequestedOptions.Select(c => (int)c));
        Assert.True(DhcpV6Duid.TryRead(message.FindOption(DhcpV6OptionCode.ClientId)!.Data, out var duid, out _));
        Assert.Equal(DhcpV6DuidType.LinkLayer, duid.Type);
        Assert.Equal(DhcpV6Vectors.Hex("abcdef"), message.Options[3].Data.ToArray());
    }

    [Fact]
    public void Reply_options_read_to_their_typed_values()
    {
        var reply = DhcpV6Reader.Read(DhcpV6Vectors.Reply);

        Assert.True(DhcpV6Duid.TryRead(reply.FindOption(DhcpV6OptionCode.ServerId)!.Data, out var server, out _));
        Assert.Equal(DhcpV6DuidType.EnterpriseNumber, server.Type);
        Assert.Equal(DhcpV6Duid.FromEnterpriseNumber(32473, [1, 2, 3, 4]).Value.ToArray(), server.Value.ToArray());
        Assert.True(reply.FindOption(DhcpV6OptionCode.DnsServers)!.TryGetAddresses(out var dns));
        Assert.Equal([IPAddress.Parse("2001:db8::53")], dns);
        Assert.True(DhcpV6DomainList.TryRead(reply.FindOption(DhcpV6OptionCode.DomainList)!.Data.Span, out var domains, out _));
        Assert.Equal(["example.net."], domains);
        Assert.True(reply.FindOption(DhcpV6OptionCode.InformationRefreshTime)!.TryGetUInt32(out var refresh));
        Assert.Equal(86400u, refresh);
        Assert.True(DhcpV6StatusCode.TryRead(reply.FindOption(DhcpV6OptionCode.StatusCode)!.Data.Span, out var status));
        Assert.Equal(new DhcpV6StatusCode(DhcpV6StatusCode.Success, "ok"), status);
    }

    [Theory]
    [InlineData("request")]
    [InlineData("reply")]
    [InlineData("relay")]
    public void Messages_write_back_octet_for_octet(string name)
    {
        var wire = name switch
        {
            "request" => DhcpV6Vectors.InformationRequest,
            "reply" => DhcpV6Vectors.Reply,
            _ => DhcpV6Vectors.RelayForward(),
        };

        Assert.Equal(wire, DhcpV6Writer.Write(DhcpV6Reader.Read(wire)));
    }

    [Fact]
    public void Built_reply_equals_the_hand_encoded_one()
    {
        var reply = new DhcpV6ClientServerMessage
        {
            MessageType = DhcpV6MessageType.Reply,
            TransactionId = 0x0a0b0c,
            Options =
            [
                new DhcpV6Option(DhcpV6OptionCode.ServerId, DhcpV6Duid.FromEnterpriseNumber(32473, [1, 2, 3, 4]).Value),
                new DhcpV6Option(DhcpV6OptionCode.ClientId, DhcpV6Duid.FromLinkLayerAddress(1, [0x00, 0x0c, 0x29, 0x5a, 0x1b, 0x2c]).Value),
                DhcpV6Option.FromAddresses(DhcpV6OptionCode.DnsServers, [IPAddress.Parse("2001:db8::53")]),
                DhcpV6DomainList.Create([Name("example.net")]),
                AccessDomainOption.ForDhcpV6(Name("example.net")),
                DhcpV6Option.FromUInt32(DhcpV6OptionCode.InformationRefreshTime, 86400),
                new DhcpV6StatusCode(DhcpV6StatusCode.Success, "ok").ToOption(),
            ],
        };

        Assert.Equal(DhcpV6Vectors.Reply, DhcpV6Writer.Write(reply));
    }

    [Fact]
    public void Relay_forward_nests_the_client_message_and_keeps_interface_id()
    {
        var relay = Assert.IsType<DhcpV6RelayMessage>(DhcpV6Reader.Read(DhcpV6Vectors.RelayForward()));

        Assert.Equal(DhcpV6MessageType.RelayForward, relay.MessageType);
        Assert.Equal(IPAddress.Parse("2001:db8:1::1"), relay.LinkAddress);
        Assert.Equal(IPAddress.Parse("fe80::20c:29ff:fe5a:1b2c"), relay.PeerAddress);
        Assert.Equal("eth1"u8.ToArray(), relay.InterfaceId!.Value.ToArray());
        Assert.True(relay.TryGetRelayedMessage(out var inner));
        Assert.Equal(DhcpV6MessageType.InformationRequest, inner.MessageType);
        Assert.Equal(DhcpV6Vectors.InformationRequest, DhcpV6Writer.Write(inner));

        var built = DhcpV6RelayMessage.Forward(
            DhcpV6Vectors.InformationRequest, 0, IPAddress.Parse("2001:db8:1::1"), IPAddress.Parse("fe80::20c:29ff:fe5a:1b2c"), "eth1"u8.ToArray());
        Assert.Equal(DhcpV6Vectors.RelayForward(), DhcpV6Writer.Write(built));
    }

    [Fact]
    public void Relay_reply_with_two_levels_round_trips_with_nested_options()
    {
        var reply = DhcpV6Reader.Read(DhcpV6Vectors.Reply);
        var inner = new DhcpV6RelayMessage
        {
            MessageType = DhcpV6MessageType.RelayReply,
            LinkAddress = IPAddress.Parse("2001:db8:1::1"),
            PeerAddress = IPAddress.Parse("fe80::1"),
            Options = [new DhcpV6Option(DhcpV6OptionCode.InterfaceId, "eth1"u8.ToArray()), DhcpV6Option.RelayMessage(reply)],
        };
        var outer = new DhcpV6RelayMessage
        {
            MessageType = DhcpV6MessageType.RelayReply,
            HopCount = 1,
            LinkAddress = IPAddress.Parse("2001:db8:2::1"),
            PeerAddress = IPAddress.Parse("2001:db8:1::1"),
            Options = [DhcpV6Option.RelayMessage(inner)],
        };

        var wire = DhcpV6Writer.Write(outer);
        var read = Assert.IsType<DhcpV6RelayMessage>(DhcpV6Reader.Read(wire));

        Assert.Equal(1, read.HopCount);
        Assert.True(read.TryGetRelayedMessage(out var level1));
        Assert.True(Assert.IsType<DhcpV6RelayMessage>(level1).TryGetRelayedMessage(out var level2));
        Assert.Equal(DhcpV6Vectors.Reply, DhcpV6Writer.Write(level2));
        Assert.Equal(wire, DhcpV6Writer.Write(read));
    }

    [Fact]
    public void Vendor_option_keeps_enterprise_and_sub_options()
    {
        var vendor = new DhcpV6VendorOption(32473, [new DhcpV6SubOption(1, "https://alto.example.net/ird"u8.ToArray()), new DhcpV6SubOption(2, "p1"u8.ToArray())]);
        var option = vendor.ToOption();

        Assert.Equal(DhcpV6Vectors.Hex("00007ed9 0001 001c"), option.Data[..8].ToArray());
        Assert.True(DhcpV6VendorOption.TryRead(option.Data, out var read, out _, out _));
        Assert.Equal(32473u, read.EnterpriseNumber);
        Assert.Equal("p1"u8.ToArray(), read.Find(2)!.Value.ToArray());
    }

    private static Discovery.AccessDomains.AccessDomainName Name(string text) =>
        Discovery.AccessDomains.AccessDomainName.TryCreate(text, out var name, out _) ? name : throw new ArgumentException(text);

    [Fact]
    public void Domain_list_with_a_compression_pointer_is_a_bad_label()
    {
        Assert.False(DhcpV6DomainList.TryRead(DhcpV6Vectors.Hex("03 6e6574 00 c000"), out _, out var error));
        Assert.Equal(DnsWireNameError.BadLabel, error);
    }
}

using System.Net;
using AltoGateway.Nat.Conntrack;
using AltoGateway.Nat.Map;
using static AltoGateway.Nat.Tests.Conntrack.CtnetlinkBuilder;

namespace AltoGateway.Nat.Tests.Conntrack;

public sealed class ConntrackEventDecoderTests
{
    private static readonly (string, ushort, string, ushort) TcpOriginal = ("10.77.0.2", 40001, "192.0.2.100", 7000);
    private static readonly (string, ushort, string, ushort) TcpReply = ("192.0.2.100", 7000, "198.51.100.11", 20206);

    [Fact]
    public void New_event_of_a_source_NATed_TCP_IPv4_flow_gives_its_mapping()
    {
        var conntrackEvent = Decode(ConntrackMessage(NewType, CreateExclusive, TcpOriginal, TcpReply));

        Assert.Equal(ConntrackEventKind.New, conntrackEvent.Kind);
        Assert.Equal(ConntrackAddressFamily.IPv4, conntrackEvent.Family);
        Assert.Equal(6, conntrackEvent.Protocol);
        Assert.Equal(new ConntrackTuple(IPAddress.Parse("10.77.0.2"), 40001, IPAddress.Parse("192.0.2.100"), 7000, 6), conntrackEvent.Original);
        Assert.Equal(new ConntrackTuple(IPAddress.Parse("192.0.2.100"), 7000, IPAddress.Parse("198.51.100.11"), 20206, 6), conntrackEvent.Reply);
        Assert.Equal(TimeSpan.FromSeconds(120), conntrackEvent.Timeout);
        Assert.Equal(0x2422B764u, conntrackEvent.Id);
        Assert.Equal(0x198u, conntrackEvent.Status);
        Assert.Null(conntrackEvent.Mark);

        Assert.Equal(ConntrackMappingOutcome.SourceNat, conntrackEvent.TryGetSourceNatMapping(out var mapping));
        Assert.Equal(
            new NatMapping(NatProtocol.Tcp, IPAddress.Parse("10.77.0.2"), 40001, IPAddress.Parse("198.51.100.11"), 20206, NatMappingSource.Conntrack),
            mapping);
    }

    [Fact]
    public void Update_event_of_a_source_NATed_UDP_IPv4_flow_gives_its_mapping()
    {
        var conntrackEvent = Decode(ConntrackMessage(NewType, 0, ("10.77.0.3", 40002, "192.0.2.100", 7001), ("192.0.2.100", 7001, "198.51.100.10", 20510), protocol: 17, timeout: 180));

        Assert.Equal(ConntrackEventKind.Update, conntrackEvent.Kind);
        Assert.Equal(TimeSpan.FromSeconds(180), conntrackEvent.Timeout);
        Assert.Equal(ConntrackMappingOutcome.SourceNat, conntrackEvent.TryGetSourceNatMapping(out var mapping));
        Assert.Equal(NatProtocol.Udp, mapping.Protocol);
        Assert.Equal(IPAddress.Parse("10.77.0.3"), mapping.InternalAddress);
        Assert.Equal(40002, mapping.InternalPort);
        Assert.Equal(IPAddress.Parse("198.51.100.10"), mapping.ExternalAddress);
        Assert.Equal(20510, mapping.ExternalPort);
    }

    [Fact]
    public void Destroy_event_has_no_timeout_and_names_the_external_side()
    {
        var conntrackEvent = Decode(ConntrackMessage(DeleteType, 0, TcpOriginal, TcpReply, timeout: null));

        Assert.Equal(ConntrackEventKind.Destroy, conntrackEvent.Kind);
        Assert.Null(conntrackEvent.Timeout);
        Assert.Equal(IPAddress.Parse("198.51.100.11"), conntrackEvent.ExternalAddress);
        Assert.Equal(20206, conntrackEvent.ExternalPort);
        Assert.Equal(ConntrackMappingOutcome.SourceNat, conntrackEvent.TryGetSourceNatMapping(out _));
    }

    [Theory]
    [InlineData(17)]
    [InlineData(6)]
    [InlineData(132)]
    public void IPv6_flows_decode_with_16_byte_addresses(byte protocol)
    {
        var conntrackEvent = Decode(ConntrackMessage(NewType, CreateExclusive, ("fd77::2", 40003, "2001:db8::100", 7001), ("2001:db8::100", 7001, "2001:db8:1::10", 20276), protocol));

        Assert.Equal(ConntrackAddressFamily.IPv6, conntrackEvent.Family);
        Assert.Equal(ConntrackMappingOutcome.SourceNat, conntrackEvent.TryGetSourceNatMapping(out var mapping));
        Assert.Equal((NatProtocol)protocol, mapping.Protocol);
        Assert.Equal(IPAddress.Parse("fd77::2"), mapping.InternalAddress);
        Assert.Equal(IPAddress.Parse("2001:db8:1::10"), mapping.ExternalAddress);
        Assert.Equal(20276, mapping.ExternalPort);
    }

    [Fact]
    public void A_flow_that_is_not_NATed_is_not_a_mapping()
    {
        var conntrackEvent = Decode(ConntrackMessage(NewType, CreateExclusive, ("192.0.2.1", 5000, "192.0.2.100", 22), ("192.0.2.100", 22, "192.0.2.1", 5000)));

        Assert.Equal(ConntrackMappingOutcome.NotNatted, conntrackEvent.TryGetSourceNatMapping(out _));
    }

    [Fact]
    public void A_port_only_translation_is_a_mapping()
    {
        var conntrackEvent = Decode(ConntrackMessage(NewType, CreateExclusive, ("192.0.2.1", 5000, "192.0.2.100", 22), ("192.0.2.100", 22, "192.0.2.1", 20001)));

        Assert.Equal(ConntrackMappingOutcome.SourceNat, conntrackEvent.TryGetSourceNatMapping(out var mapping));
        Assert.Equal(20001, mapping.ExternalPort);
    }

    [Fact]
    public void ICMP_decodes_without_ports_and_is_not_a_mapping()
    {
        // ICMP tuples carry CTA_PROTO_ICMP_ID/TYPE/CODE (4, 5, 6) instead of ports.
        static byte[] IcmpTuple(ushort type, string src, string dst) => Nested(type,
            Nested(1, Attr(1, IPAddress.Parse(src).GetAddressBytes()), Attr(2, IPAddress.Parse(dst).GetAddressBytes())),
            Nested(2, U8(1, 1), Be16(4, 77), U8(5, 8), U8(6, 0)));
        var bytes = Message(NewType, CreateExclusive, 2, Concat(IcmpTuple(1, "10.77.0.2", "192.0.2.100"), IcmpTuple(2, "192.0.2.100", "198.51.100.10")));

        var conntrackEvent = Decode(bytes);

        Assert.Equal(1, conntrackEvent.Protocol);
        Assert.Equal(0, conntrackEvent.Original.SourcePort);
        Assert.Equal(ConntrackMappingOutcome.UnsupportedProtocol, conntrackEvent.TryGetSourceNatMapping(out _));
    }

    [Fact]
    public void Unknown_and_unneeded_attributes_are_skipped_by_their_length()
    {
        var attributes = Concat(
            Attr(99, [1, 2, 3, 4, 5]),                                  // unknown, 5 bytes + 3 padding
            Tuple(1, "10.77.0.2", 40001, "192.0.2.100", 7000, 6),
            Nested(4, Nested(1, U8(1, 3), Attr(2, [7, 7]))),             // CTA_PROTOINFO
            Tuple(2, "192.0.2.100", 7000, "198.51.100.11", 20206, 6),
            Nested(9, Attr(1, new byte[8]), Attr(2, new byte[8])),       // CTA_COUNTERS_ORIG
            Be32(8, 0xABCD),                                             // CTA_MARK
            Attr(0x4000 | 98, []));                                      // unknown, NLA_F_NET_BYTEORDER, empty

        var conntrackEvent = Decode(Message(NewType, 0, 2, attributes));

        Assert.Equal(0xABCDu, conntrackEvent.Mark);
        Assert.Null(conntrackEvent.Timeout);
        Assert.Null(conntrackEvent.Id);
        Assert.Equal(ConntrackMappingOutcome.SourceNat, conntrackEvent.TryGetSourceNatMapping(out _));
    }

    [Fact]
    public void Nested_attributes_without_the_NLA_F_NESTED_flag_decode_too()
    {
        // Kernels before 5.2 sent nests without the flag (nla_nest_start did not set it).
        var tuple = TupleContent("10.77.0.2", 40001, "192.0.2.100", 7000, 6);
        var reply = TupleContent("192.0.2.100", 7000, "198.51.100.11", 20206, 6);
        var attributes = Concat(Attr(1, Concat(tuple)), Attr(2, Concat(reply)));

        Assert.Equal(ConntrackEventKind.Update, Decode(Message(NewType, 0, 2, attributes)).Kind);
    }

    [Fact]
    public void Missing_reply_tuple_is_rejected()
    {
        var bytes = Message(NewType, CreateExclusive, 2, Tuple(1, "10.77.0.2", 40001, "192.0.2.100", 7000, 6));

        Assert.Equal(ConntrackParseError.MissingTuple, DecodeError(bytes));
    }

    [Fact]
    public void Missing_original_tuple_is_rejected()
    {
        var bytes = Message(NewType, CreateExclusive, 2, Tuple(2, "192.0.2.100", 7000, "198.51.100.11", 20206, 6));

        Assert.Equal(ConntrackParseError.MissingTuple, DecodeError(bytes));
    }

    [Fact]
    public void A_tuple_without_addresses_is_rejected()
    {
        var tuple = Nested(1, Nested(2, U8(1, 6), Be16(2, 1), Be16(3, 2)));
        var bytes = Message(NewType, 0, 2, Concat(tuple, Tuple(2, "192.0.2.100", 7000, "198.51.100.11", 20206, 6)));

        Assert.Equal(ConntrackParseError.MissingAddress, DecodeError(bytes));
    }

    [Fact]
    public void A_tuple_with_only_a_source_address_is_rejected()
    {
        var tuple = Nested(1, Nested(1, Attr(1, [10, 77, 0, 2])), Nested(2, U8(1, 6), Be16(2, 1), Be16(3, 2)));
        var bytes = Message(NewType, 0, 2, Concat(tuple, Tuple(2, "192.0.2.100", 7000, "198.51.100.11", 20206, 6)));

        Assert.Equal(ConntrackParseError.MissingAddress, DecodeError(bytes));
    }

    [Fact]
    public void A_tuple_without_protocol_is_rejected()
    {
        var tuple = Nested(1, Nested(1, Attr(1, [10, 77, 0, 2]), Attr(2, [192, 0, 2, 100])));
        var bytes = Message(NewType, 0, 2, Concat(tuple, Tuple(2, "192.0.2.100", 7000, "198.51.100.11", 20206, 6)));

        Assert.Equal(ConntrackParseError.MissingProtocol, DecodeError(bytes));
    }

    [Fact]
    public void A_TCP_tuple_without_destination_port_is_rejected()
    {
        var tuple = Nested(1, Nested(1, Attr(1, [10, 77, 0, 2]), Attr(2, [192, 0, 2, 100])), Nested(2, U8(1, 6), Be16(2, 40001)));
        var bytes = Message(NewType, 0, 2, Concat(tuple, Tuple(2, "192.0.2.100", 7000, "198.51.100.11", 20206, 6)));

        Assert.Equal(ConntrackParseError.MissingPort, DecodeError(bytes));
    }

    [Fact]
    public void A_port_attribute_of_the_wrong_size_is_rejected()
    {
        var tuple = Nested(1, Nested(1, Attr(1, [10, 77, 0, 2]), Attr(2, [192, 0, 2, 100])), Nested(2, U8(1, 6), Attr(2, [0x9C, 0x41, 0]), Be16(3, 7000)));
        var bytes = Message(NewType, 0, 2, Concat(tuple, Tuple(2, "192.0.2.100", 7000, "198.51.100.11", 20206, 6)));

        Assert.Equal(ConntrackParseError.BadAttributeSize, DecodeError(bytes));
    }

    [Fact]
    public void An_IPv4_address_of_the_wrong_size_is_rejected()
    {
        var tuple = Nested(1, Nested(1, Attr(1, [10, 77, 0, 2, 0]), Attr(2, [192, 0, 2, 100])), Nested(2, U8(1, 6), Be16(2, 1), Be16(3, 2)));
        var bytes = Message(NewType, 0, 2, Concat(tuple, Tuple(2, "192.0.2.100", 7000, "198.51.100.11", 20206, 6)));

        Assert.Equal(ConntrackParseError.BadAttributeSize, DecodeError(bytes));
    }

    [Fact]
    public void A_status_of_the_wrong_size_is_rejected()
    {
        var bytes = Message(NewType, 0, 2, Concat(
            Tuple(1, "10.77.0.2", 40001, "192.0.2.100", 7000, 6),
            Tuple(2, "192.0.2.100", 7000, "198.51.100.11", 20206, 6),
            Attr(3, [0, 0, 1])));

        Assert.Equal(ConntrackParseError.BadAttributeSize, DecodeError(bytes));
    }

    [Fact]
    public void A_protocol_number_of_the_wrong_size_is_rejected()
    {
        var tuple = Nested(1, Nested(1, Attr(1, [10, 77, 0, 2]), Attr(2, [192, 0, 2, 100])), Nested(2, Attr(1, [0, 6]), Be16(2, 1), Be16(3, 2)));
        var bytes = Message(NewType, 0, 2, Concat(tuple, Tuple(2, "192.0.2.100", 7000, "198.51.100.11", 20206, 6)));

        Assert.Equal(ConntrackParseError.BadAttributeSize, DecodeError(bytes));
    }

    [Fact]
    public void An_attribute_shorter_than_its_header_is_rejected()
    {
        var bytes = Message(NewType, 0, 2, Concat(Attr(99, [0, 0, 0, 0], declaredLength: 3), Tuple(1, "10.77.0.2", 40001, "192.0.2.100", 7000, 6)));

        Assert.Equal(ConntrackParseError.BadAttributeLength, DecodeError(bytes));
    }

    [Fact]
    public void An_attribute_longer_than_its_parent_is_rejected()
    {
        // CTA_IP_V4_SRC claims 12 bytes inside a CTA_TUPLE_IP whose value is 8 bytes long.
        var ip = Nested(1, Attr(1, [10, 77, 0, 2], declaredLength: 12));
        var tuple = Nested(1, ip, Nested(2, U8(1, 6), Be16(2, 1), Be16(3, 2)));
        var bytes = Message(NewType, 0, 2, Concat(tuple, Tuple(2, "192.0.2.100", 7000, "198.51.100.11", 20206, 6)));

        Assert.Equal(ConntrackParseError.BadAttributeLength, DecodeError(bytes));
    }

    [Fact]
    public void A_top_level_attribute_longer_than_the_message_is_rejected()
    {
        var bytes = Message(NewType, 0, 2, Concat(Tuple(1, "10.77.0.2", 40001, "192.0.2.100", 7000, 6), Attr(2, [1, 2, 3, 4], declaredLength: 200)));

        Assert.Equal(ConntrackParseError.BadAttributeLength, DecodeError(bytes));
    }

    [Fact]
    public void IPv4_addresses_in_an_IPv6_message_are_rejected()
    {
        var bytes = Message(NewType, 0, 10, Concat(
            Tuple(1, "10.77.0.2", 40001, "192.0.2.100", 7000, 6),
            Tuple(2, "192.0.2.100", 7000, "198.51.100.11", 20206, 6)));

        Assert.Equal(ConntrackParseError.AddressFamilyMismatch, DecodeError(bytes));
    }

    [Fact]
    public void A_tuple_mixing_IPv4_and_IPv6_is_rejected()
    {
        var tuple = Nested(1, Nested(1, Attr(1, [10, 77, 0, 2]), Attr(4, IPAddress.IPv6Loopback.GetAddressBytes())), Nested(2, U8(1, 6), Be16(2, 1), Be16(3, 2)));
        var bytes = Message(NewType, 0, 0, Concat(tuple, Tuple(2, "192.0.2.100", 7000, "198.51.100.11", 20206, 6)));

        Assert.Equal(ConntrackParseError.AddressFamilyMismatch, DecodeError(bytes));
    }

    [Fact]
    public void A_message_too_short_for_nfgenmsg_is_rejected()
    {
        var bytes = new byte[18];
        bytes[0] = 18;
        bytes[4] = 0;
        bytes[5] = 1;

        Assert.Equal(ConntrackParseError.Truncated, DecodeError(bytes));
    }

    [Fact]
    public void Messages_other_than_conntrack_new_and_delete_are_not_decoded()
    {
        Assert.Equal(ConntrackParseError.UnexpectedMessageType, DecodeError(Done(1)));
        Assert.Equal(ConntrackParseError.UnexpectedMessageType, DecodeError(Message((1 << 8) | 1, 0, 2, [])));
        Assert.Equal(ConntrackParseError.UnexpectedMessageType, DecodeError(Message((2 << 8) | 0, 0, 2, [])));
    }

    [Fact]
    public void A_malformed_message_is_skipped_and_the_next_one_still_decodes()
    {
        var broken = Message(NewType, 0, 2, Concat(Tuple(1, "10.77.0.2", 40001, "192.0.2.100", 7000, 6), Attr(2, [0, 0, 0, 0, 0], declaredLength: 2)));
        var datagram = Concat(broken, ConntrackMessage(NewType, CreateExclusive, TcpOriginal, TcpReply));
        var reader = new NetlinkMessageReader(datagram);

        Assert.True(reader.TryRead(out var first, out _));
        Assert.False(ConntrackEventDecoder.TryDecode(first, out _, out var error));
        Assert.Equal(ConntrackParseError.BadAttributeLength, error);
        Assert.True(reader.TryRead(out var second, out _));
        Assert.True(ConntrackEventDecoder.TryDecode(second, out var conntrackEvent, out _));
        Assert.Equal(ConntrackEventKind.New, conntrackEvent.Kind);
        Assert.False(reader.TryRead(out _, out error));
        Assert.Equal(ConntrackParseError.None, error);
        Assert.Equal(datagram.Length, reader.Consumed);
    }

    internal static ConntrackEvent Decode(byte[] bytes)
    {
        var reader = new NetlinkMessageReader(bytes);
        Assert.True(reader.TryRead(out var message, out var error), error.ToString());
        Assert.True(ConntrackEventDecoder.TryDecode(message, out var conntrackEvent, out error), error.ToString());
        Assert.Equal(ConntrackParseError.None, error);
        return conntrackEvent;
    }

    private static ConntrackParseError DecodeError(byte[] bytes)
    {
        var reader = new NetlinkMessageReader(bytes);
        Assert.True(reader.TryRead(out var message, out var error), error.ToString());
        Assert.False(ConntrackEventDecoder.TryDecode(message, out var conntrackEvent, out error));
        Assert.Null(conntrackEvent);
        return error;
    }
}

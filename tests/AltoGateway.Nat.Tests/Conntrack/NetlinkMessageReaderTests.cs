using System.Buffers.Binary;
using AltoGateway.Nat.Conntrack;
using static AltoGateway.Nat.Tests.Conntrack.CtnetlinkBuilder;

namespace AltoGateway.Nat.Tests.Conntrack;

public sealed class NetlinkMessageReaderTests
{
    [Fact]
    public void A_dump_reply_is_several_multipart_messages_then_done()
    {
        const uint sequence = 7;
        var datagram = Concat(
            ConntrackMessage(NewType, 0x02, ("10.77.0.2", 40001, "192.0.2.100", 7000), ("192.0.2.100", 7000, "198.51.100.11", 20206), sequence: sequence),
            ConntrackMessage(NewType, 0x02, ("10.77.0.3", 40002, "192.0.2.100", 7001), ("192.0.2.100", 7001, "198.51.100.10", 20510), protocol: 17, sequence: sequence),
            ConntrackMessage(NewType, 0x02, ("fd77::2", 40003, "2001:db8::100", 7001), ("2001:db8::100", 7001, "2001:db8:1::10", 20276), protocol: 17, sequence: sequence),
            Done(sequence));
        var reader = new NetlinkMessageReader(datagram);
        var internals = new List<string>();

        NetlinkMessage message;
        while (reader.TryRead(out message, out var error) && message.Header.Type != NetlinkMessageTypes.Done)
        {
            Assert.Equal(sequence, message.Header.Sequence);
            Assert.Equal(NetlinkMessageFlags.Multi, message.Header.Flags);
            Assert.True(ConntrackEventDecoder.TryDecode(message, out var conntrackEvent, out error), error.ToString());
            Assert.Equal(ConntrackEventKind.Update, conntrackEvent.Kind);
            Assert.Equal(ConntrackMappingOutcome.SourceNat, conntrackEvent.TryGetSourceNatMapping(out var mapping));
            internals.Add($"{mapping.InternalAddress}:{mapping.InternalPort}");
        }

        Assert.Equal(NetlinkMessageTypes.Done, message.Header.Type);
        Assert.Equal(sequence, message.Header.Sequence);
        Assert.Equal(["10.77.0.2:40001", "10.77.0.3:40002", "fd77::2:40003"], internals);
        Assert.Equal(datagram.Length, reader.Consumed);
        Assert.False(reader.TryRead(out _, out var end));
        Assert.Equal(ConntrackParseError.None, end);
    }

    [Fact]
    public void An_error_message_carries_the_errno_and_the_request_it_answers()
    {
        var reader = new NetlinkMessageReader(Error(1, (1 << 8) | 1, 42));

        Assert.True(reader.TryRead(out var message, out _));
        Assert.Equal(NetlinkMessageTypes.Error, message.Header.Type);
        Assert.True(NetlinkErrorMessage.TryRead(message.Payload, out var error, out var parseError), parseError.ToString());
        Assert.False(error.IsAcknowledgement);
        Assert.Equal(1, error.Errno); // EPERM
        Assert.Equal(42u, error.Request.Sequence);
        Assert.Equal((ushort)((1 << 8) | 1), error.Request.Type);
    }

    [Fact]
    public void An_error_message_with_error_zero_is_an_acknowledgement()
    {
        var reader = new NetlinkMessageReader(Error(0, (1 << 8) | 1, 3));

        Assert.True(reader.TryRead(out var message, out _));
        Assert.True(NetlinkErrorMessage.TryRead(message.Payload, out var error, out _));
        Assert.True(error.IsAcknowledgement);
    }

    [Fact]
    public void A_truncated_error_payload_is_rejected()
    {
        var bytes = Error(1, 0x101, 1)[..30];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 30);
        var reader = new NetlinkMessageReader(bytes);

        Assert.True(reader.TryRead(out var message, out _));
        Assert.False(NetlinkErrorMessage.TryRead(message.Payload, out _, out var error));
        Assert.Equal(ConntrackParseError.Truncated, error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(15)]
    public void A_truncated_header_is_rejected_without_moving(int length)
    {
        var datagram = Concat(Done(1), Done(2)[..length]);
        var reader = new NetlinkMessageReader(datagram);

        Assert.True(reader.TryRead(out _, out _));
        Assert.False(reader.TryRead(out _, out var error));
        Assert.Equal(ConntrackParseError.Truncated, error);
        Assert.Equal(20, reader.Consumed);
        Assert.Equal(length, reader.Remaining);
    }

    [Fact]
    public void A_length_larger_than_the_datagram_is_rejected_without_moving()
    {
        var datagram = Done(1);
        BinaryPrimitives.WriteUInt32LittleEndian(datagram, 21);
        var reader = new NetlinkMessageReader(datagram);

        Assert.False(reader.TryRead(out _, out var error));
        Assert.Equal(ConntrackParseError.BadLength, error);
        Assert.Equal(0, reader.Consumed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(15)]
    public void A_length_smaller_than_the_header_is_rejected(uint length)
    {
        var datagram = Done(1);
        BinaryPrimitives.WriteUInt32LittleEndian(datagram, length);
        var reader = new NetlinkMessageReader(datagram);

        Assert.False(reader.TryRead(out _, out var error));
        Assert.Equal(ConntrackParseError.BadLength, error);
        Assert.Equal(0, reader.Consumed);
    }

    [Fact]
    public void Messages_start_on_four_byte_boundaries_and_the_last_may_lack_its_padding()
    {
        // A 22-byte message (6 payload bytes) padded to 24, then one of 21 bytes with no padding.
        var first = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(first, 22);
        BinaryPrimitives.WriteUInt16LittleEndian(first.AsSpan(4), 0x20);
        var last = new byte[21];
        BinaryPrimitives.WriteUInt32LittleEndian(last, 21);
        BinaryPrimitives.WriteUInt16LittleEndian(last.AsSpan(4), 0x21);
        var reader = new NetlinkMessageReader(Concat(first, last));

        Assert.True(reader.TryRead(out var a, out _));
        Assert.Equal(6, a.Payload.Length);
        Assert.Equal(24, reader.Consumed);
        Assert.True(reader.TryRead(out var b, out _));
        Assert.Equal((ushort)0x21, b.Header.Type);
        Assert.Equal(5, b.Payload.Length);
        Assert.Equal(45, reader.Consumed);
    }

    [Fact]
    public void An_empty_datagram_has_no_messages()
    {
        var reader = new NetlinkMessageReader([]);

        Assert.False(reader.TryRead(out _, out var error));
        Assert.Equal(ConntrackParseError.None, error);
    }

    [Fact]
    public void Attribute_reader_reports_types_flags_and_values()
    {
        var reader = new NetlinkAttributeReader(Concat(Nested(1, U8(1, 6)), Attr(0x4000 | 7, [0, 0, 0, 9]), Attr(12, [1, 2, 3])));

        Assert.True(reader.TryRead(out var nested, out _));
        Assert.True(nested.IsNested);
        Assert.False(nested.IsNetByteOrder);
        Assert.Equal(1, nested.Type);
        Assert.Equal(8, nested.Value.Length);
        Assert.True(reader.TryRead(out var flagged, out _));
        Assert.True(flagged.IsNetByteOrder);
        Assert.Equal(7, flagged.Type);
        Assert.True(flagged.TryReadUInt32BigEndian(out var nine));
        Assert.Equal(9u, nine);
        Assert.True(reader.TryRead(out var odd, out _));
        Assert.Equal(3, odd.Value.Length);
        Assert.False(odd.TryReadUInt32BigEndian(out _));
        Assert.Equal(12 + 8 + 8, reader.Consumed);
        Assert.False(reader.TryRead(out _, out var end));
        Assert.Equal(ConntrackParseError.None, end);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Attribute_reader_rejects_a_trailing_fragment_shorter_than_a_header(int fragment)
    {
        var bytes = Concat(U8(1, 6), new byte[fragment]);
        var reader = new NetlinkAttributeReader(bytes);

        Assert.True(reader.TryRead(out _, out _));
        Assert.False(reader.TryRead(out _, out var error));
        Assert.Equal(ConntrackParseError.Truncated, error);
        Assert.Equal(8, reader.Consumed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(13)]
    public void Attribute_reader_rejects_a_length_below_four_or_beyond_the_list(ushort length)
    {
        var bytes = Attr(1, [1, 2, 3, 4, 5, 6, 7, 8], declaredLength: length);
        var reader = new NetlinkAttributeReader(bytes);

        Assert.False(reader.TryRead(out _, out var error));
        Assert.Equal(ConntrackParseError.BadAttributeLength, error);
        Assert.Equal(0, reader.Consumed);
    }
}

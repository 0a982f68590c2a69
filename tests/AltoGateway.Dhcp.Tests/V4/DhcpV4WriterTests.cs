using System.Buffers;
using System.Net;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Tests.V4;

/// <summary>Writing: octet-identical round trips, the 300-octet minimum, RFC 3396 splitting, overload only when needed.</summary>
public class DhcpV4WriterTests
{
    public static TheoryData<string> Vectors => new() { "discover", "offer", "request", "ack", "inform" };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Hand_built_messages_write_back_octet_for_octet(string name)
    {
        var packet = name switch
        {
            "discover" => DhcpV4Packets.Discover(),
            "offer" => DhcpV4Packets.Offer(),
            "request" => DhcpV4Packets.Request(),
            "ack" => DhcpV4Packets.Ack(),
            _ => DhcpV4Packets.Inform(),
        };

        Assert.Equal(packet, DhcpV4Writer.Write(DhcpV4Reader.Read(packet)));
    }

    [Fact]
    public void Built_message_has_the_cookie_at_236_options_at_240_and_is_padded_to_300()
    {
        var message = new DhcpV4Message
        {
            Operation = DhcpV4Operation.BootReply,
            TransactionId = 0x01020304,
            Flags = DhcpV4Message.BroadcastFlag,
            ClientAddress = IPAddress.Parse("10.0.0.1"),
            YourAddress = IPAddress.Parse("10.0.0.2"),
            ServerAddress = IPAddress.Parse("10.0.0.3"),
            GatewayAddress = IPAddress.Parse("10.0.0.4"),
            ClientHardwareAddressField = DhcpV4Packets.ClientMac,
            Options = [new DhcpV4Option(53, new byte[] { 2 })],
        };
        var wire = DhcpV4Writer.Write(message);

        Assert.Equal(300, wire.Length);
        Assert.Equal(2, wire[0]);
        Assert.Equal(DhcpV4Packets.Hex("01020304"), wire[4..8]);
        Assert.Equal(DhcpV4Packets.Hex("8000"), wire[10..12]);
        Assert.Equal(DhcpV4Packets.Hex("0a000001 0a000002 0a000003 0a000004"), wire[12..28]);
        Assert.Equal(DhcpV4Packets.ClientMac, wire[28..34]);
        Assert.Equal(DhcpV4Packets.Hex("63825363"), wire[236..240]);
        Assert.Equal(DhcpV4Packets.Hex("350102ff"), wire[240..244]);
        Assert.All(wire[244..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Option_over_255_octets_is_split_and_joined_again()
    {
        var data = Enumerable.Range(0, 600).Select(i => (byte)i).ToArray();
        var message = new DhcpV4Message { Options = [new DhcpV4Option(200, data), new DhcpV4Option(53, new byte[] { 1 })] };
        var wire = DhcpV4Writer.Write(message, 1500);

        // RFC 3396 §6: 255 + 255 + 90 under the same code, consecutively.
        Assert.Equal((byte)200, wire[240]);
        Assert.Equal((byte)255, wire[241]);
        Assert.Equal((byte)200, wire[240 + 257]);
        Assert.Equal((byte)255, wire[241 + 257]);
        Assert.Equal((byte)200, wire[240 + 514]);
        Assert.Equal((byte)90, wire[241 + 514]);
        var read = DhcpV4Reader.Read(wire);
        Assert.Equal(data, read.Options[0].Data.ToArray());
        Assert.Equal(DhcpV4MessageType.Discover, read.MessageType);
    }

    [Fact]
    public void Overload_is_used_only_when_the_options_do_not_fit()
    {
        var small = new DhcpV4Message { Options = [new DhcpV4Option(53, new byte[] { 5 })] };
        Assert.DoesNotContain(DhcpV4Writer.Write(small).AsSpan(240).ToArray(), b => b == 52);

        // 5 options of 70 octets (360 with headers) do not fit the 307 octets before End in a 548-octet message.
        var options = Enumerable.Range(0, 5).Select(i => new DhcpV4Option((byte)(200 + i), Enumerable.Repeat((byte)i, 70).ToArray())).ToList();
        var large = new DhcpV4Message { Options = options };
        var wire = DhcpV4Writer.Write(large);

        Assert.True(wire.Length <= DhcpV4Writer.DefaultMaximumLength);
        Assert.Equal(DhcpV4Packets.Hex("340101"), wire[240..243]); // 52 first, 'file' only
        Assert.Equal((byte)204, wire[108]); // the last option starts 'file'
        Assert.Equal((byte)255, wire[108 + 72]); // and End follows it
        var read = DhcpV4Reader.Read(wire);
        Assert.Equal(options.Select(o => o.Code), read.Options.Select(o => o.Code));
        Assert.Equal(options.Select(o => o.Data.ToArray()), read.Options.Select(o => o.Data.ToArray()));
    }

    [Fact]
    public void Overload_3_fills_file_then_sname()
    {
        var options = Enumerable.Range(0, 5).Select(i => new DhcpV4Option((byte)(200 + i), Enumerable.Repeat((byte)i, 58).ToArray())).ToList();
        var wire = DhcpV4Writer.Write(new DhcpV4Message { Options = options }, 400);

        Assert.Equal(DhcpV4Packets.Hex("340103"), wire[240..243]);
        Assert.Equal((byte)255, wire[44 + 60]); // one option and End in 'sname'
        Assert.Equal(options.Select(o => o.Code), DhcpV4Reader.Read(wire).Options.Select(o => o.Code));
    }

    [Fact]
    public void Options_that_do_not_fit_even_with_overload_are_destination_too_small()
    {
        var message = new DhcpV4Message { Options = [new DhcpV4Option(200, new byte[600])] };
        Assert.Equal(OperationStatus.DestinationTooSmall, DhcpV4Writer.TryWrite(message, new byte[548], out var written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Overload_is_not_used_when_sname_holds_a_name()
    {
        var options = Enumerable.Range(0, 5).Select(i => new DhcpV4Option((byte)(200 + i), new byte[70])).ToList();
        var message = new DhcpV4Message { ServerName = "server1"u8.ToArray(), Options = options };
        Assert.Equal(OperationStatus.DestinationTooSmall, DhcpV4Writer.TryWrite(message, new byte[548], out _));
    }

    [Fact]
    public void Maximum_reply_length_follows_option_57_less_IP_and_UDP_headers()
    {
        var request = new DhcpV4Message { Options = [DhcpV4Option.FromUInt16(DhcpV4OptionCode.MaximumMessageSize, 1500)] };
        Assert.Equal(1472, DhcpV4Writer.MaximumReplyLength(request));
        Assert.Equal(548, DhcpV4Writer.MaximumReplyLength(new DhcpV4Message()));
    }

    [Fact]
    public void Caller_mistakes_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DhcpV4Option(255, new byte[1]));
        Assert.Throws<ArgumentException>(() => DhcpV4Writer.Write(new DhcpV4Message { Options = [new DhcpV4Option(52, new byte[] { 1 })] }));
        Assert.Throws<ArgumentException>(() => DhcpV4Writer.Write(new DhcpV4Message { ClientHardwareAddressField = new byte[17] }));
        Assert.Throws<ArgumentException>(() => DhcpV4Writer.Write(new DhcpV4Message { ClientAddress = IPAddress.IPv6Loopback }));
    }
}

using System.Net;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Tests.V4;

/// <summary>Reading hand-built messages: header offsets, options in order, overload, long options, End and Pad.</summary>
public class DhcpV4ReaderTests
{
    [Fact]
    public void Discover_header_fields_come_from_their_RFC_2131_offsets()
    {
        var message = DhcpV4Reader.Read(DhcpV4Packets.Discover());

        Assert.Equal(DhcpV4Operation.BootRequest, message.Operation);
        Assert.Equal(1, message.HardwareType);
        Assert.Equal(6, message.HardwareAddressLength);
        Assert.Equal(DhcpV4Packets.Xid, message.TransactionId);
        Assert.Equal(4, message.Seconds);
        Assert.True(message.IsBroadcast);
        Assert.Equal(DhcpV4Packets.ClientMac, message.ClientHardwareAddress.ToArray());
        Assert.Equal(16, message.ClientHardwareAddressField.Length);
        Assert.Equal(DhcpV4MessageType.Discover, message.MessageType);
        Assert.Equal(new byte[] { 1, 3, 6, 15, 213 }, message.ParameterRequestList.ToArray());
        Assert.True(message.FindOption(DhcpV4OptionCode.ClientIdentifier)!.TryGetClientIdentifier(out var type, out var id));
        Assert.Equal(1, type);
        Assert.Equal(DhcpV4Packets.ClientMac, id.ToArray());
    }

    [Fact]
    public void Offer_addresses_and_typed_options_read_back()
    {
        var message = DhcpV4Reader.Read(DhcpV4Packets.Offer());

        Assert.Equal(DhcpV4Operation.BootReply, message.Operation);
        Assert.Equal(DhcpV4MessageType.Offer, message.MessageType);
        Assert.Equal(IPAddress.Parse("192.0.2.10"), message.YourAddress);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), message.ServerAddress);
        Assert.Equal(IPAddress.Any, message.ClientAddress);
        Assert.Equal(IPAddress.Any, message.GatewayAddress);
        Assert.True(message.FindOption(DhcpV4OptionCode.LeaseTime)!.TryGetUInt32(out var lease));
        Assert.Equal(3600u, lease);
        Assert.True(message.FindOption(DhcpV4OptionCode.SubnetMask)!.TryGetAddress(out var mask));
        Assert.Equal(IPAddress.Parse("255.255.255.0"), mask);
        Assert.True(message.FindOption(DhcpV4OptionCode.DomainNameServer)!.TryGetAddresses(out var dns));
        Assert.Equal([IPAddress.Parse("192.0.2.1"), IPAddress.Parse("192.0.2.2")], dns);
        Assert.Equal([53, 54, 51, 1, 3, 6], message.Options.Select(o => (int)o.Code));
    }

    [Fact]
    public void Request_and_ack_carry_their_options_in_wire_order()
    {
        var request = DhcpV4Reader.Read(DhcpV4Packets.Request());
        var ack = DhcpV4Reader.Read(DhcpV4Packets.Ack());

        Assert.Equal(DhcpV4MessageType.Request, request.MessageType);
        Assert.True(request.FindOption(DhcpV4OptionCode.RequestedIpAddress)!.TryGetAddress(out var requested));
        Assert.Equal(IPAddress.Parse("192.0.2.10"), requested);
        Assert.Equal(DhcpV4MessageType.Ack, ack.MessageType);
        Assert.Equal([53, 54, 51, 58, 59, 1, 3, 213], ack.Options.Select(o => (int)o.Code));
        Assert.True(ack.FindOption(DhcpV4OptionCode.RenewalTime)!.TryGetUInt32(out var t1));
        Assert.True(ack.FindOption(DhcpV4OptionCode.RebindingTime)!.TryGetUInt32(out var t2));
        Assert.Equal((1800u, 3150u), (t1, t2));
    }

    [Fact]
    public void Overload_3_reads_options_then_file_then_sname_and_empties_both_fields()
    {
        // RFC 2131 §4.1: options field first, then 'file', then 'sname'; 52 itself is not kept.
        var packet = DhcpV4Packets.Build(
            2, "3501 05 3401 03 ff",
            file: "0104 ffffff00 ff",
            sname: "0304 c0000201 ff",
            minimumLength: 300);
        var message = DhcpV4Reader.Read(packet);

        Assert.Equal([53, 1, 3], message.Options.Select(o => (int)o.Code));
        Assert.True(message.ServerName.IsEmpty);
        Assert.True(message.BootFile.IsEmpty);
    }

    [Fact]
    public void Overload_1_leaves_sname_as_a_name()
    {
        var packet = DhcpV4Packets.Build(2, "3501 05 3401 01 ff", file: "0f0b 6578616d706c652e6e6574 ff", sname: "7365727665723100");
        var message = DhcpV4Reader.Read(packet);

        Assert.Equal("example.net", message.FindOption(DhcpV4OptionCode.DomainName)!.GetText());
        Assert.Equal(64, message.ServerName.Length);
        Assert.Equal("server1", System.Text.Encoding.ASCII.GetString(message.ServerName.Span).TrimEnd('\0'));
    }

    [Fact]
    public void Without_overload_file_and_sname_are_not_read_as_options()
    {
        var packet = DhcpV4Packets.Build(2, "3501 05 ff", file: "0104 ffffff00 ff");
        var message = DhcpV4Reader.Read(packet);

        Assert.Null(message.FindOption(DhcpV4OptionCode.SubnetMask));
        Assert.Equal(0x01, message.BootFile.Span[0]);
    }

    [Fact]
    public void Repeated_codes_are_joined_in_order_at_the_first_place_per_RFC_3396()
    {
        // Code 200 split in two, with 53 between and one more piece in 'file'.
        var packet = DhcpV4Packets.Build(1, "c802 aabb 3501 01 c801 cc 3401 01 ff", file: "c802 ddee ff");
        var message = DhcpV4Reader.Read(packet);

        Assert.Equal([200, 53], message.Options.Select(o => (int)o.Code));
        Assert.Equal(DhcpV4Packets.Hex("aabbccddee"), message.Options[0].Data.ToArray());
    }

    [Fact]
    public void Missing_end_is_tolerated_and_pad_is_skipped()
    {
        var packet = DhcpV4Packets.Build(1, "00 00 3501 01 00 0c03 706331", minimumLength: 0);
        var message = DhcpV4Reader.Read(packet);

        Assert.Equal(DhcpV4MessageType.Discover, message.MessageType);
        Assert.Equal("pc1", message.FindOption(DhcpV4OptionCode.HostName)!.GetText());
    }

    [Fact]
    public void Octets_after_end_are_ignored()
    {
        var packet = DhcpV4Packets.Build(1, "3501 01 ff 0c 77 6e");
        Assert.Single(DhcpV4Reader.Read(packet).Options);
    }

    [Fact]
    public void Unknown_options_are_kept_octet_for_octet()
    {
        var packet = DhcpV4Packets.Build(1, "3501 01 f003 010203 2b05 0103aabbcc e000 ff");
        var message = DhcpV4Reader.Read(packet);

        Assert.Equal([53, 240, 43, 224], message.Options.Select(o => (int)o.Code));
        Assert.Equal(DhcpV4Packets.Hex("010203"), message.Options[1].Data.ToArray());
        Assert.Equal(DhcpV4Packets.Hex("0103aabbcc"), message.Options[2].Data.ToArray());
        Assert.True(message.Options[3].Data.IsEmpty);
    }

    [Fact]
    public void Option_82_is_read_into_its_sub_options_and_unknown_ones_are_kept()
    {
        var packet = DhcpV4Packets.Build(1, "3501 01 520f 0104 65746830 0203 616263 0902 ffee ff", giaddr: "192.0.2.254");
        var message = DhcpV4Reader.Read(packet);

        Assert.True(message.TryGetRelayAgentInformation(out var information));
        Assert.Equal("eth0"u8.ToArray(), information.CircuitId!.Value.ToArray());
        Assert.Equal("abc"u8.ToArray(), information.RemoteId!.Value.ToArray());
        Assert.Equal([1, 2, 9], information.SubOptions.Select(s => (int)s.Code));
        Assert.Equal(IPAddress.Parse("192.0.2.254"), message.GatewayAddress);
    }

    [Fact]
    public void Option_125_reads_enterprises_and_their_sub_options()
    {
        // RFC 3925 §4: enterprise 32473, data-len 7, sub-option 2 "abcde"; enterprise 9, data-len 0.
        var option = new DhcpV4Option(125, DhcpV4Packets.Hex("00007ed9 07 0205 6162636465 00000009 00"));
        Assert.True(DhcpV4VendorIdentifyingOption.TryRead(option.Data, out var vendors, out _));
        Assert.Equal([32473u, 9u], vendors.Select(v => v.EnterpriseNumber));
        Assert.Equal("abcde"u8.ToArray(), vendors[0].Find(2)!.Value.ToArray());
        Assert.Empty(vendors[1].SubOptions);
        Assert.Equal(option.Data.ToArray(), DhcpV4VendorIdentifyingOption.Create(vendors).Data.ToArray());
    }
}

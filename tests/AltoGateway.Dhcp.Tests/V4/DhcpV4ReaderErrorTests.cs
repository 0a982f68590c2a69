using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Tests.V4;

/// <summary>Every length field that lies, and every broken structure, fails with its reason and offset.</summary>
public class DhcpV4ReaderErrorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(235)]
    [InlineData(239)]
    public void Header_shorter_than_240_octets_is_truncated(int length)
    {
        var packet = DhcpV4Packets.Build(1, "ff")[..length];
        AssertFails(packet, DhcpV4ReadError.TruncatedHeader, length);
    }

    [Fact]
    public void Wrong_magic_cookie_is_rejected_at_236()
    {
        var packet = DhcpV4Packets.Build(1, "3501 01 ff");
        packet[239] = 0x64;
        AssertFails(packet, DhcpV4ReadError.BadMagicCookie, 236);
    }

    [Fact]
    public void Hardware_address_length_over_16_is_rejected()
    {
        var packet = DhcpV4Packets.Build(1, "3501 01 ff");
        packet[2] = 17;
        AssertFails(packet, DhcpV4ReadError.HardwareAddressTooLong, 2);
    }

    [Theory]
    [InlineData("3501 01 0c05 6162", 243)] // length 5, two octets left
    [InlineData("3501 01 0c", 243)] // code as the last octet
    [InlineData("35ff 01", 240)] // length 255 past the end
    public void Option_length_past_the_end_is_rejected_at_the_option(string options, int offset) =>
        AssertFails(DhcpV4Packets.Build(1, options, minimumLength: 0), DhcpV4ReadError.OptionLengthPastEnd, offset);

    [Fact]
    public void Option_length_past_the_end_of_file_is_rejected_even_when_bytes_follow()
    {
        // The option in 'file' claims 200 octets; 'file' holds 128, although the message goes on.
        var packet = DhcpV4Packets.Build(1, "3501 01 3401 01 ff", file: "0cc8 6162");
        AssertFails(packet, DhcpV4ReadError.OptionLengthPastEnd, 108);
    }

    [Fact]
    public void Option_length_past_the_end_of_sname_is_rejected()
    {
        var packet = DhcpV4Packets.Build(1, "3501 01 3401 02 ff", sname: "00 0c7f");
        AssertFails(packet, DhcpV4ReadError.OptionLengthPastEnd, 45);
    }

    [Theory]
    [InlineData("3402 0101 ff", 240)] // two octets
    [InlineData("3400 ff", 240)] // none
    [InlineData("3401 04 ff", 240)] // value 4
    [InlineData("3401 01 3401 01 ff", 243)] // twice
    public void Malformed_overload_is_rejected(string options, int offset) =>
        AssertFails(DhcpV4Packets.Build(1, options), DhcpV4ReadError.BadOverload, offset);

    [Fact]
    public void Overload_inside_file_is_rejected()
    {
        var packet = DhcpV4Packets.Build(1, "3401 01 ff", file: "3401 03 ff");
        AssertFails(packet, DhcpV4ReadError.BadOverload, 108);
    }

    [Fact]
    public void Message_type_of_two_octets_is_rejected() =>
        AssertFails(DhcpV4Packets.Build(1, "3502 0101 ff"), DhcpV4ReadError.BadMessageType, 240);

    [Fact]
    public void Option_82_shorter_than_2_octets_is_rejected() =>
        AssertFails(DhcpV4Packets.Build(1, "3501 01 5201 01 ff"), DhcpV4ReadError.RelayAgentInformationTooShort, 245);

    [Theory]
    [InlineData("3501 01 5206 0102 6162 0203 ff", 249)] // second sub-option's length lies: 3 octets claimed, none left
    [InlineData("3501 01 5204 0105 6162 ff", 245)] // first sub-option claims 5 of the 2 octets left
    [InlineData("3501 01 5203 0100 61 ff", 247)] // a lone code octet at the end of the option
    public void Sub_option_length_past_option_82_is_rejected(string options, int offset) =>
        AssertFails(DhcpV4Packets.Build(1, options), DhcpV4ReadError.SubOptionLengthPastEnd, offset);

    [Theory]
    [InlineData("00007ed9 08 0205 6162636465", DhcpV4ReadError.VendorDataLengthPastEnd, 0)] // data-len 8, 7 left
    [InlineData("00007ed9", DhcpV4ReadError.VendorDataLengthPastEnd, 0)] // no data-len
    [InlineData("00007ed9 03 0205 61", DhcpV4ReadError.SubOptionLengthPastEnd, 5)] // sub-option past data-len
    public void Option_125_lengths_that_lie_are_rejected(string hex, DhcpV4ReadError error, int offset)
    {
        Assert.False(DhcpV4VendorIdentifyingOption.TryRead(DhcpV4Packets.Hex(hex), out _, out var failure));
        Assert.Equal(new DhcpV4ReadFailure(error, offset), failure);
    }

    private static void AssertFails(byte[] packet, DhcpV4ReadError error, int offset)
    {
        Assert.False(DhcpV4Reader.TryRead(packet, out var message, out var failure));
        Assert.Null(message);
        Assert.Equal(new DhcpV4ReadFailure(error, offset), failure);
    }
}

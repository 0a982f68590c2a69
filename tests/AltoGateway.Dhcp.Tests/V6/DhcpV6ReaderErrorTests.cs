using AltoGateway.Dhcp.V6;

namespace AltoGateway.Dhcp.Tests.V6;

/// <summary>Every length field that lies fails with its reason, at the offset in the outermost message.</summary>
public class DhcpV6ReaderErrorTests
{
    private const string Header = "0b 0a0b0c";

    [Theory]
    [InlineData("", DhcpV6ReadError.TruncatedHeader, 0)]
    [InlineData("0b 0a0b", DhcpV6ReadError.TruncatedHeader, 0)]
    [InlineData("0c 00 20010db8000100000000000000000001", DhcpV6ReadError.TruncatedHeader, 0)] // relay header cut at 18
    [InlineData(Header + "0008 0002 00", DhcpV6ReadError.OptionLengthPastEnd, 4)] // elapsed time claims 2, 1 left
    [InlineData(Header + "0008 0002 0000 00", DhcpV6ReadError.OptionLengthPastEnd, 10)] // a lone octet after it
    [InlineData(Header + "0001 0002 0003", DhcpV6ReadError.DuidTooShort, 4)] // a type and nothing
    [InlineData(Header + "0001 0004 0003 0001", DhcpV6ReadError.DuidTooShort, 4)] // DUID-LL without an address
    [InlineData(Header + "0002 0006 0002 00007ed9", DhcpV6ReadError.DuidTooShort, 4)] // DUID-EN without an identifier
    [InlineData(Header + "0001 0011 0004 0102030405060708090a0b0c0d0e0f", DhcpV6ReadError.DuidTooShort, 4)] // UUID of 15
    [InlineData(Header + "0001 0013 0004 0102030405060708090a0b0c0d0e0f1011", DhcpV6ReadError.DuidTooLong, 4)] // UUID of 17
    [InlineData(Header + "0006 0003 001700", DhcpV6ReadError.BadOptionRequest, 4)]
    [InlineData(Header + "0008 0001 00", DhcpV6ReadError.BadElapsedTime, 4)]
    [InlineData(Header + "000d 0001 00", DhcpV6ReadError.BadStatusCode, 4)]
    [InlineData(Header + "0011 0003 00007e", DhcpV6ReadError.VendorOptionTooShort, 4)]
    [InlineData(Header + "0011 0009 00007ed9 0001 0005 61", DhcpV6ReadError.SubOptionLengthPastEnd, 12)] // sub-option claims 5, 1 left
    [InlineData(Header + "0017 0010 20010db8", DhcpV6ReadError.OptionLengthPastEnd, 4)] // claims 16, 4 left
    [InlineData(Header + "0017 0008 20010db800000000", DhcpV6ReadError.BadAddressList, 4)]
    [InlineData(Header + "0020 0002 0258", DhcpV6ReadError.BadInformationRefreshTime, 4)]
    public void Malformed_message_fails_with_its_reason(string hex, DhcpV6ReadError error, int offset) =>
        AssertFails(DhcpV6Vectors.Hex(hex), error, offset);

    [Fact]
    public void DUID_over_130_octets_is_too_long()
    {
        var duid = "0002 00007ed9" + new string('a', 2 * 125);
        AssertFails(DhcpV6Vectors.Hex(Header + "0001 0083 " + duid), DhcpV6ReadError.DuidTooLong, 4);
    }

    [Fact]
    public void Relay_message_length_that_lies_is_rejected()
    {
        var wire = DhcpV6Vectors.RelayForward();
        wire[45]++; // option 9 (at 42) has its length at 44–45: one more than there is
        AssertFails(wire, DhcpV6ReadError.OptionLengthPastEnd, 42);
    }

    [Fact]
    public void Bad_option_inside_the_relayed_message_fails_at_its_offset_in_the_outer_one()
    {
        var wire = DhcpV6Vectors.RelayForward();
        wire[67] = 1; // the relayed message starts at 46; its Elapsed Time option at 46 + 18 says 1 octet, not 2
        AssertFails(wire, DhcpV6ReadError.BadElapsedTime, 64);
    }

    [Fact]
    public void Relay_without_relay_message_is_rejected()
    {
        var wire = DhcpV6Vectors.Hex("0c 00" + new string('0', 64) + "0012 0001 61");
        AssertFails(wire, DhcpV6ReadError.RelayMessageMissing, 0);
    }

    [Fact]
    public void Empty_relay_message_is_a_truncated_header_inside()
    {
        var wire = DhcpV6Vectors.Hex("0c 00" + new string('0', 64) + "0009 0000");
        AssertFails(wire, DhcpV6ReadError.TruncatedHeader, 38);
    }

    [Fact]
    public void Relays_nested_past_the_limit_are_rejected()
    {
        var wire = DhcpV6Vectors.InformationRequest;
        for (var i = 0; i <= DhcpV6Reader.MaximumRelayNesting; i++)
        {
            Assert.True(DhcpV6Reader.TryRead(wire, out _, out var failure), failure.ToString());
            wire = DhcpV6Writer.Write(DhcpV6RelayMessage.Forward(wire, (byte)i, System.Net.IPAddress.IPv6Any, System.Net.IPAddress.IPv6Any));
        }

        Assert.False(DhcpV6Reader.TryRead(wire, out _, out var tooDeep));
        Assert.Equal(DhcpV6ReadError.RelayNestingTooDeep, tooDeep.Error);
    }

    private static void AssertFails(byte[] wire, DhcpV6ReadError error, int offset)
    {
        Assert.False(DhcpV6Reader.TryRead(wire, out var message, out var failure));
        Assert.Null(message);
        Assert.Equal(new DhcpV6ReadFailure(error, offset), failure);
    }
}

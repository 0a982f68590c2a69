using AltoGateway.Dhcp.Alto;
using AltoGateway.Dhcp.Options;
using AltoGateway.Dhcp.V4;
using AltoGateway.Dhcp.V6;
using AltoGateway.Discovery.AccessDomains;

namespace AltoGateway.Dhcp.Tests.Alto;

/// <summary>RFC 5986 options 213 and 57: the exact vectors, and names that are not one absolute name rejected.</summary>
public class AccessDomainOptionTests
{
    [Fact]
    public void Option_213_for_example_net_is_the_RFC_5986_vector()
    {
        var wire = DhcpV4Writer.Write(new DhcpV4Message { Options = [AccessDomainOption.ForDhcpV4(Name("example.net"))] });
        Assert.Equal(Hex("D5 0D 07 65 78 61 6D 70 6C 65 03 6E 65 74 00 FF"), wire[240..256]);
    }

    [Fact]
    public void Option_57_for_example_net_is_the_RFC_5986_vector()
    {
        var message = new DhcpV6ClientServerMessage { MessageType = DhcpV6MessageType.Reply, Options = [AccessDomainOption.ForDhcpV6(Name("Example.NET."))] };
        Assert.Equal(Hex("00 39 00 0D 07 65 78 61 6D 70 6C 65 03 6E 65 74 00"), DhcpV6Writer.Write(message)[4..]);
    }

    [Fact]
    public void Example_com_is_13_octets_as_in_RFC_5986()
    {
        Assert.Equal(13, AccessDomainOption.ForDhcpV4(Name("example.com.")).Data.Length);
    }

    [Fact]
    public void Option_data_reads_back_to_the_name()
    {
        Assert.True(AccessDomainOption.TryRead(Hex("07 65 78 61 6D 70 6C 65 03 6E 65 74 00"), out var name, out var error));
        Assert.Equal(DnsWireNameError.None, error);
        Assert.Equal("example.net.", name.Name);
    }

    [Fact]
    public void A_name_of_255_octets_encodes_and_reads_back()
    {
        var text = string.Join('.', new string('a', 63), new string('b', 63), new string('c', 63), new string('d', 61));
        var data = AccessDomainOption.ForDhcpV4(Name(text)).Data;
        Assert.Equal(255, data.Length);
        Assert.True(AccessDomainOption.TryRead(data.Span, out var name, out _));
        Assert.Equal(text + ".", name.Name);
    }

    [Theory]
    [InlineData("07 6578616d706c65 03 6e6574", DnsWireNameError.MissingRootLabel)] // no root label
    [InlineData("07 6578616d706c65 03 6e65", DnsWireNameError.MissingRootLabel)] // label cut
    [InlineData("", DnsWireNameError.MissingRootLabel)]
    [InlineData("07 6578616d706c65 00 00", DnsWireNameError.TrailingBytes)] // two root labels
    [InlineData("03 6e6574 00 03 6f7267 00", DnsWireNameError.TrailingBytes)] // two names
    [InlineData("07 6578616d706c65 c00c", DnsWireNameError.BadLabel)] // compression pointer
    [InlineData("40 " + "61616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161 00", DnsWireNameError.BadLabel)] // label of 64
    [InlineData("00", DnsWireNameError.NotAnAccessDomain)] // the root alone
    [InlineData("03 612062 00", DnsWireNameError.NotAnAccessDomain)] // a space inside
    public void Malformed_option_data_is_rejected_with_its_reason(string hex, DnsWireNameError expected)
    {
        Assert.False(AccessDomainOption.TryRead(Hex(hex), out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_name_over_255_octets_is_too_long()
    {
        var label = "3f" + new string('6', 126);
        Assert.False(AccessDomainOption.TryRead(Hex(label + label + label + label + "00"), out _, out var error));
        Assert.Equal(DnsWireNameError.NameTooLong, error);
    }

    internal static AccessDomainName Name(string text) =>
        AccessDomainName.TryCreate(text, out var name, out var error) ? name : throw new ArgumentException(error.ToString());

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}

using System.Net;
using AltoGateway.Discovery.Resolution;

namespace AltoGateway.Discovery.Tests.Resolution;

/// <summary>"host[:port]" for --dns, IPv6 in brackets when a port follows (RFC 3986 §3.2.2).</summary>
public class DnsServerAddressTests
{
    [Theory]
    [InlineData("192.0.2.53", "192.0.2.53", 53)]
    [InlineData("192.0.2.53:5353", "192.0.2.53", 5353)]
    [InlineData("2001:db8::53", "2001:db8::53", 53)]
    [InlineData("[2001:db8::53]", "2001:db8::53", 53)]
    [InlineData("[2001:db8::53]:5353", "2001:db8::53", 5353)]
    [InlineData("[::1]:53", "::1", 53)]
    public void Addresses_and_ports(string text, string address, int port)
    {
        Assert.True(DnsServerAddress.TryParse(text, out var server, out var error), error.ToString());
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), server.EndPoint);
    }

    [Fact]
    public void Host_names_are_kept_for_the_caller_to_resolve()
    {
        Assert.True(DnsServerAddress.TryParse("ns1.example.net:5353", out var server, out _));
        Assert.Equal("ns1.example.net", server.Host);
        Assert.Equal(5353, server.Port);
        Assert.Null(server.EndPoint);
    }

    [Theory]
    [InlineData("", DnsServerAddressError.Empty)]
    [InlineData("[2001:db8::53", DnsServerAddressError.BadBrackets)]
    [InlineData("[2001:db8::53]5353", DnsServerAddressError.BadBrackets)]
    [InlineData("[192.0.2.53]:53", DnsServerAddressError.BadIpv6Address)]
    [InlineData("2001:db8::zz", DnsServerAddressError.BadIpv6Address)]
    [InlineData("192.0.2.53:0", DnsServerAddressError.BadPort)]
    [InlineData("192.0.2.53:65536", DnsServerAddressError.BadPort)]
    [InlineData("192.0.2.53:", DnsServerAddressError.BadPort)]
    [InlineData("[::1]:x", DnsServerAddressError.BadPort)]
    [InlineData("192.0.2", DnsServerAddressError.BadHost)]
    [InlineData("bad host", DnsServerAddressError.BadHost)]
    public void Bad_text_is_a_typed_error(string text, DnsServerAddressError expected)
    {
        Assert.False(DnsServerAddress.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Text_form_brackets_ipv6()
    {
        Assert.True(DnsServerAddress.TryParse("2001:db8::53", out var server, out _));
        Assert.Equal("[2001:db8::53]:53", server.ToString());
    }
}

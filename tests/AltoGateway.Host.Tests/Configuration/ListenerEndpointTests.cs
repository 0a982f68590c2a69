using System.Net;
using AltoGateway.Host.Configuration;

namespace AltoGateway.Host.Tests.Configuration;

public class ListenerEndpointTests
{
    [Theory]
    [InlineData("http://127.0.0.1:7285", "127.0.0.1", 7285)]
    [InlineData("http://127.0.0.1:7285/", "127.0.0.1", 7285)]
    [InlineData("http://[::1]:80", "::1", 80)]
    [InlineData("HTTP://192.0.2.1:65535", "192.0.2.1", 65535)]
    [InlineData("http://[2001:db8::1]:1", "2001:db8::1", 1)]
    public void An_address_and_port_are_read(string url, string address, int port)
    {
        Assert.True(ListenerEndpoint.TryParse(url, out var endpoint, out var error), error);
        Assert.Equal(new ListenerEndpoint(url, ListenerHost.Address, IPAddress.Parse(address), port), endpoint);
    }

    [Theory]
    [InlineData("http://*:7286", "AnyAddress")]
    [InlineData("http://localhost:7286", "Localhost")]
    [InlineData("http://LocalHost:7286", "Localhost")]
    public void Wildcard_and_localhost_are_kinds_of_their_own(string url, string kind)
    {
        Assert.True(ListenerEndpoint.TryParse(url, out var endpoint, out _));
        Assert.Equal(Enum.Parse<ListenerHost>(kind), endpoint!.Host);
        Assert.Null(endpoint.Address);
        Assert.Equal(7286, endpoint.Port);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("ftp://127.0.0.1:21", "is not an http:// URL")]
    [InlineData("https://127.0.0.1:443", "https listeners are not supported yet")]
    [InlineData("http://127.0.0.1", "has no port")]
    [InlineData("http://127.0.0.1:0", "no valid port")]
    [InlineData("http://127.0.0.1:65536", "no valid port")]
    [InlineData("http://127.0.0.1:-1", "no valid port")]
    [InlineData("http://127.0.0.1:80x", "no valid port")]
    [InlineData("http://[::1]", "IPv6 address without a port")]
    [InlineData("http://::1:80", "an IPv6 address needs brackets")]
    [InlineData("http://router.lan:80", "'router.lan' is not an IP address, '*' or 'localhost'")]
    [InlineData("http://300.1.1.1:80", "is not an IP address")]
    public void Bad_urls_are_refused_with_a_reason(string url, string reason)
    {
        Assert.False(ListenerEndpoint.TryParse(url, out var endpoint, out var error));
        Assert.Null(endpoint);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}

using System.Net;
using AltoGateway.Proxy.Placement;
using AltoGateway.Proxy.Routing;

namespace AltoGateway.Proxy.Tests.Routing;

/// <summary>Which sources are this NAT's (RFC 7286, the access domain) and which another network's (RFC 8686).</summary>
public class SourceScopesTests
{
    [Theory]
    [InlineData("altogwipv4port:203.0.113.5:6881/tcp", SourceScope.OwnNetwork)] // resolved to 100.64.0.10
    [InlineData("ipv4:203.0.113.6", SourceScope.OwnNetwork)] // shared by two subscribers: approximate
    [InlineData("ipv4:192.0.2.1", SourceScope.OwnNetwork)] // the RFC 7422 plan's outside address
    [InlineData("ipv4:10.1.2.3", SourceScope.OwnNetwork)] // RFC 1918: never in reverse DNS (RFC 8686 §5.1.3)
    [InlineData("ipv6:fd00::1", SourceScope.OwnNetwork)]
    [InlineData("ipv4:198.18.0.1", SourceScope.Foreign)]
    [InlineData("ipv6:2001:db8:beef::1", SourceScope.Foreign)]
    public void Cgn(string name, SourceScope expected)
    {
        var nat = NatFixture.Cgn();
        var placer = new EndpointPlacer(ProxyMode.Cgn, nat.Resolver, [], issuesPeerIds: true);
        var scopes = new SourceScopes(ProxyMode.Cgn, nat.Resolver.IsPublicAddressOfThisNat, nat.Resolver.PublicAddressOf);

        Assert.Equal(expected, scopes.Classify(placer.Place(NatFixture.Name(name))));
        Assert.Equal(SourceScope.OwnNetwork, scopes.Classify(placer.Place(NatFixture.Name(nat.PeerIdOf("100.64.0.10")))));
    }

    [Fact]
    public void Cgn_a_server_of_another_network_is_told_subscribers_by_their_public_address()
    {
        var nat = NatFixture.Cgn();
        var placer = new EndpointPlacer(ProxyMode.Cgn, nat.Resolver, [], issuesPeerIds: true);
        var scopes = new SourceScopes(ProxyMode.Cgn, nat.Resolver.IsPublicAddressOfThisNat, nat.Resolver.PublicAddressOf);

        Assert.Equal("ipv4:203.0.113.5", scopes.AskForeignServerAs(placer.Place(NatFixture.Name("altogwipv4port:203.0.113.5:6881/tcp"))).ToString());
        Assert.Equal("ipv4:203.0.113.5", scopes.AskForeignServerAs(placer.Place(NatFixture.Name(nat.PeerIdOf("100.64.0.10")))).ToString());
        Assert.Equal("ipv4:198.18.0.1", scopes.AskForeignServerAs(placer.Place(NatFixture.Name("ipv4:198.18.0.1"))).ToString());
    }

    [Theory]
    [InlineData("ipv4:203.0.113.5", SourceScope.OwnNetwork)] // the gateway: inside the LAN
    [InlineData("altogwipv4port:203.0.113.5:1", SourceScope.OwnNetwork)]
    [InlineData("ipv4:192.168.7.7", SourceScope.OwnNetwork)]
    [InlineData("ipv4:198.18.0.1", SourceScope.Foreign)]
    public void Home(string name, SourceScope expected)
    {
        var nat = NatFixture.Home();
        var placer = new EndpointPlacer(ProxyMode.Home, nat.Resolver, [IPAddress.Parse("203.0.113.5")], issuesPeerIds: true);
        var scopes = new SourceScopes(ProxyMode.Home, a => a.Equals(IPAddress.Parse("203.0.113.5")) || nat.Resolver.IsPublicAddressOfThisNat(a));

        Assert.Equal(expected, scopes.Classify(placer.Place(NatFixture.Name(name))));
    }
}

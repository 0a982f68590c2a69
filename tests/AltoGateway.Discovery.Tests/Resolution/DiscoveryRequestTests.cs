using System.Net;
using AltoGateway.Discovery.Resolution;

namespace AltoGateway.Discovery.Tests.Resolution;

/// <summary>Bad parameters abort before any query (RFC 8686 §3.5), as typed errors.</summary>
public class DiscoveryRequestTests
{
    [Theory]
    [InlineData("198.51.100.0/7", DiscoveryRequestError.UnsupportedPrefixLength)]
    [InlineData("2001:db8::/31", DiscoveryRequestError.UnsupportedPrefixLength)]
    [InlineData("198.51.100.0/33", DiscoveryRequestError.PrefixLengthOutOfRange)]
    [InlineData("2001:db8::/129", DiscoveryRequestError.PrefixLengthOutOfRange)]
    [InlineData("198.51.100.0/x", DiscoveryRequestError.PrefixLengthOutOfRange)]
    [InlineData("198.51.100.0/-8", DiscoveryRequestError.PrefixLengthOutOfRange)]
    [InlineData("198.51.100", DiscoveryRequestError.BadAddress)]
    [InlineData("alto.example.net", DiscoveryRequestError.BadAddress)]
    [InlineData("", DiscoveryRequestError.BadAddress)]
    public void Bad_targets_are_typed_errors(string target, DiscoveryRequestError expected)
    {
        Assert.False(DiscoveryRequest.TryXdomdisc(target, null, out _, out var error));
        Assert.Equal(expected, error);
        Assert.NotEmpty(DiscoveryRequest.Describe(error));
    }

    [Theory]
    [InlineData("ALTO")]
    [InlineData("ALTO:")]
    [InlineData("ALTO:ht tps")]
    [InlineData("")]
    public void Bad_service_parameters_are_typed_errors(string service)
    {
        Assert.False(DiscoveryRequest.TryXdomdisc("198.51.100.3", service, out _, out var error));
        Assert.Equal(DiscoveryRequestError.InvalidServiceParameter, error);
        Assert.False(DiscoveryRequest.TryAccessDomain("example.net", service, out _, out error));
        Assert.Equal(DiscoveryRequestError.InvalidServiceParameter, error);
    }

    [Theory]
    [InlineData("example..net")]
    [InlineData(".")]
    [InlineData("exa mple.net")]
    public void Bad_domains_are_typed_errors(string domain)
    {
        Assert.False(DiscoveryRequest.TryAccessDomain(domain, null, out _, out var error));
        Assert.Equal(DiscoveryRequestError.InvalidDomainName, error);
    }

    [Fact]
    public void Defaults_are_alto_https_for_xdomdisc_and_https_or_http_for_the_access_domain()
    {
        Assert.True(DiscoveryRequest.TryXdomdisc("198.51.100.3", null, out var xdomdisc, out _));
        Assert.True(DiscoveryRequest.TryAccessDomain("example.net", null, out var domain, out _));

        Assert.Equal("ALTO:https", xdomdisc.Service.ToString());
        Assert.Equal("198.51.100.3/32", xdomdisc.Subject);
        Assert.Equal(["R32", "R24", "R16", "R8"], xdomdisc.Names.Select(n => n.Label));
        Assert.True(domain.Service.HasProtocol("https") && domain.Service.HasProtocol("http"));
        Assert.Equal("example.net.", domain.Subject);
    }

    [Fact]
    public void Address_with_host_bits_beyond_the_length_is_accepted_as_x_equals_a_l()
    {
        // RFC 8686 §3.1: X = (A, L); names depend only on the first L bits.
        Assert.True(DiscoveryRequest.TryXdomdisc("198.51.100.77/24", null, out var request, out _));
        Assert.Equal("100.51.198.in-addr.arpa.", request.Names[0].Name);
        Assert.True(DiscoveryRequest.TryXdomdisc(IPAddress.Parse("2001:db8:1:2:227:eff:fe6a:de42"), 128, "ALTO:https", out var v6, out _));
        Assert.Equal(XdomdiscResolverTests.R128, v6.Names[0].Name);
        Assert.Equal(6, v6.Names.Count);
    }
}

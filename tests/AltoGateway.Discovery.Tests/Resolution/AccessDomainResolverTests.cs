using System.Net;
using AltoGateway.Discovery.Resolution;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Discovery.Tests.Resolution;

/// <summary>The RFC 7286 §3.2 procedure: the access domain's own U-NAPTR records, service "ALTO", protocol https or http.</summary>
public class AccessDomainResolverTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Rfc7286_example_gives_both_servers_in_order_over_https_and_http()
    {
        // RFC 7286 §3.2: example.net. IN NAPTR 100 10 "u" "ALTO:https" "!.*!https://alto1.example.net/ird!" "" (pref 20 → alto2).
        var dns = new FakeDnsTransport().Naptr("example.net.", 3600,
            FakeDnsTransport.Alto(200, 10, "http://alto3.example.net/ird", "ALTO:http"),
            FakeDnsTransport.Alto(100, 20, "https://alto2.example.net/ird"),
            FakeDnsTransport.LisHeld(100, 10, "https://lis.example.net/"),
            FakeDnsTransport.Alto(100, 10, "https://alto1.example.net/ird"));

        var result = await Resolver(dns).ResolveAsync(AccessDomain("Example.NET"), TestContext.Current.CancellationToken);

        Assert.Equal(
            [new Uri("https://alto1.example.net/ird"), new Uri("https://alto2.example.net/ird"), new Uri("http://alto3.example.net/ird")],
            result.Uris);
        Assert.Equal(["example.net."], dns.Asked);
        Assert.Equal(DiscoveryProcedure.AccessDomain, result.Request.Procedure);
        Assert.Equal("access domain", result.Steps.Single().Name.Label);
    }

    [Fact]
    public async Task No_alto_naptr_is_a_failure_with_an_empty_list()
    {
        // RFC 7286 §3.2: "no ALTO NAPTR" is failure; the domain carries only a LIS.
        var dns = new FakeDnsTransport().Naptr("example.net.", 3600, FakeDnsTransport.LisHeld(100, 10, "https://lis.example.net/"));

        var result = await Resolver(dns).ResolveAsync(AccessDomain("example.net"), TestContext.Current.CancellationToken);

        Assert.Empty(result.Uris);
        Assert.Equal(DiscoveryStepOutcome.OtherServicesOnly, result.Steps.Single().Outcome);
        Assert.False(result.RetryMightHelp);
    }

    [Fact]
    public async Task Temporary_failure_is_retried_once()
    {
        var dns = new FakeDnsTransport()
            .FailFirst("example.net.", ScriptedFailure.ServFail)
            .Naptr("example.net.", 3600, FakeDnsTransport.Alto(100, 10, "https://alto1.example.net/ird"));

        var result = await Resolver(dns).ResolveAsync(AccessDomain("example.net."), TestContext.Current.CancellationToken);

        Assert.Equal(["example.net.", "example.net."], dns.Asked);
        Assert.Single(result.Uris);
        Assert.Equal([DiscoveryStepOutcome.TemporaryFailure, DiscoveryStepOutcome.Found], result.Steps.Select(s => s.Outcome));
    }

    [Fact]
    public async Task Both_procedures_share_one_cache()
    {
        // A domain answer cached by the RFC 7286 procedure serves a later request with another SP without a query.
        var dns = new FakeDnsTransport().Naptr("example.net.", 3600,
            FakeDnsTransport.Alto(100, 10, "https://alto1.example.net/ird"),
            FakeDnsTransport.Alto(200, 10, "http://alto1.example.net/ird", "ALTO:http"));
        var resolver = Resolver(dns);

        await resolver.ResolveAsync(AccessDomain("example.net"), TestContext.Current.CancellationToken);
        Assert.True(DiscoveryRequest.TryAccessDomain("example.net", "ALTO:http", out var httpOnly, out _));
        var second = await resolver.ResolveAsync(httpOnly, TestContext.Current.CancellationToken);

        Assert.Single(dns.Queries);
        Assert.Equal([new Uri("http://alto1.example.net/ird")], second.Uris);
        Assert.True(second.Steps.Single().FromCache);
    }

    private AltoDiscoveryResolver Resolver(IDnsTransport dns) =>
        new(dns, new DiscoveryResolverOptions { Server = new IPEndPoint(IPAddress.Loopback, 53), RetryDelay = TimeSpan.Zero, TimeProvider = _time });

    private static DiscoveryRequest AccessDomain(string domain)
    {
        Assert.True(DiscoveryRequest.TryAccessDomain(domain, null, out var request, out var error), error.ToString());
        return request;
    }
}

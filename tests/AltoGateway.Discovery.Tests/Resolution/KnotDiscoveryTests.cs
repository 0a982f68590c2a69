using AltoGateway.Discovery.Resolution;
using AltoGateway.Tests.Shared;

namespace AltoGateway.Discovery.Tests.Resolution;

/// <summary>
/// Discovery end to end against a real DNS server: Knot DNS serving the Appendix C.4 zone (and friends) on
/// 127.0.0.1, asked through the real UDP/TCP transport.
/// </summary>
public sealed class KnotDiscoveryTests
{
    [Fact(Timeout = 120_000)]
    public async Task Appendix_c4_walk_against_knot()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var knot = await KnotServer.StartAsync(DiscoveryTestZones.All, cancellationToken);
        var resolver = Resolver(knot);

        var result = await resolver.ResolveAsync(XdomdiscResolverTests.Xdomdisc(DiscoveryTestZones.AppendixC4Address), cancellationToken);

        Assert.Equal([new Uri("https://alto1.example.net/ird")], result.Uris);
        Assert.Equal(
            [XdomdiscResolverTests.R128, XdomdiscResolverTests.R64, XdomdiscResolverTests.R56, XdomdiscResolverTests.R48],
            result.Steps.Select(s => s.Name.Name));
        Assert.Equal(
            [DiscoveryStepOutcome.NxDomain, DiscoveryStepOutcome.NoData, DiscoveryStepOutcome.OtherServicesOnly, DiscoveryStepOutcome.Found],
            result.Steps.Select(s => s.Outcome));

        // Knot puts the SOA in the authority section of both negative answers (RFC 2308 §3): min(TTL, MINIMUM) = 300 s.
        Assert.Equal(TimeSpan.FromSeconds(300), result.Steps[0].Lookup.Ttl);
        Assert.Equal(TimeSpan.FromSeconds(300), result.Steps[1].Lookup.Ttl);
        Assert.Equal(TimeSpan.FromSeconds(3600), result.Steps[3].Lookup.Ttl);
        Assert.False(result.Validated);
        Assert.False(result.RetryMightHelp);

        var again = await resolver.ResolveAsync(XdomdiscResolverTests.Xdomdisc(DiscoveryTestZones.AppendixC4Address), cancellationToken);
        Assert.All(again.Steps, s => Assert.True(s.FromCache));
    }

    [Fact(Timeout = 120_000)]
    public async Task Ipv4_walk_sorts_by_preference_and_a_large_answer_comes_over_tcp()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var knot = await KnotServer.StartAsync(DiscoveryTestZones.All, cancellationToken);
        var resolver = Resolver(knot);

        var r24 = await resolver.ResolveAsync(XdomdiscResolverTests.Xdomdisc("198.51.100.3"), cancellationToken);
        var many = await resolver.ResolveAsync(XdomdiscResolverTests.Xdomdisc(DiscoveryTestZones.Ipv4AddressWithManyRecords), cancellationToken);

        Assert.Equal([new Uri("https://alto1.example.net/ird"), new Uri("https://alto2.example.net/ird")], r24.Uris);
        Assert.Equal(DiscoveryStepOutcome.NxDomain, r24.Steps[0].Outcome);
        Assert.Equal(DiscoveryTestZones.ManyRecords, many.Targets.Length);
        Assert.True(many.Steps.Single().Lookup.OverTcp);
        Assert.Equal(new Uri("https://alto1.many.example.net/ird"), many.Uris.First());
    }

    [Fact(Timeout = 120_000)]
    public async Task Access_domain_against_knot()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var knot = await KnotServer.StartAsync(DiscoveryTestZones.All, cancellationToken);
        Assert.True(DiscoveryRequest.TryAccessDomain("example.net", null, out var request, out _));

        var result = await Resolver(knot).ResolveAsync(request, cancellationToken);

        Assert.Equal([new Uri("https://alto1.example.net/ird"), new Uri("https://alto2.example.net/ird")], result.Uris);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_zone_the_server_does_not_serve_is_refused_and_reported_as_temporary()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var knot = await KnotServer.StartAsync(DiscoveryTestZones.All, cancellationToken);

        var result = await Resolver(knot).ResolveAsync(XdomdiscResolverTests.Xdomdisc("203.0.113.0/24"), cancellationToken);

        // An authoritative server without recursion REFUSEs names outside its zones: every name fails, twice.
        Assert.Empty(result.Uris);
        Assert.True(result.NoDnsAnswer);
        Assert.True(result.RetryMightHelp);
        Assert.All(result.Steps, s => Assert.Equal(DnsFailureReason.Refused, s.Lookup.Failure));
        Assert.Equal(6, result.Steps.Length);
    }

    private static AltoDiscoveryResolver Resolver(KnotServer knot) =>
        new(new DnsSocketTransport(new DnsTransportOptions { Timeout = TimeSpan.FromSeconds(5) }),
            new DiscoveryResolverOptions { Server = knot.EndPoint, RetryDelay = TimeSpan.Zero });
}

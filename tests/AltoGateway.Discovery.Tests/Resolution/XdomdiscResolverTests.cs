using System.Net;
using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Naptr;
using AltoGateway.Discovery.Resolution;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Discovery.Tests.Resolution;

/// <summary>XDOMDISC(X, SP) through the resolver (RFC 8686 §3.4–3.5) against an in-memory recursive resolver.</summary>
public class XdomdiscResolverTests
{
    // RFC 8686 Appendix C.4: X = 2001:DB8:1:2:227:EFF:FE6A:DE42/128.
    internal const string C4Address = "2001:db8:1:2:227:eff:fe6a:de42";
    internal const string R128 = "2.4.e.d.a.6.e.f.f.f.e.0.7.2.2.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.";
    internal const string R64 = "2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.";
    internal const string R56 = "0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.";
    internal const string R48 = "1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.";

    // RFC 8686 §3.2–3.3: 198.51.100.3.
    private const string V4R32 = "3.100.51.198.in-addr.arpa.";
    private const string V4R24 = "100.51.198.in-addr.arpa.";
    private const string V4R16 = "51.198.in-addr.arpa.";
    private const string V4R8 = "198.in-addr.arpa.";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The Appendix C.4 mock DNS: NXDOMAIN at R128, NODATA at R64, only LIS:HELD at R56, ALTO and LIS:HELD at R48.</summary>
    internal static FakeDnsTransport AppendixC4Dns() => new FakeDnsTransport { ZoneApex = "8.b.d.0.1.0.0.2.ip6.arpa." }
        .NoData(R64)
        .Naptr(R56, 3600,
            FakeDnsTransport.LisHeld(100, 10, "https://lis1.example.org:4802/"),
            FakeDnsTransport.LisHeld(100, 20, "https://lis2.example.org:4802/"))
        .Naptr(R48, 3600,
            FakeDnsTransport.Alto(100, 10, "https://alto1.example.net/ird"),
            FakeDnsTransport.LisHeld(100, 10, "https://lis1.example.org:4802/"));

    [Fact]
    public async Task Appendix_c4_walk_asks_four_names_and_returns_alto1()
    {
        var dns = AppendixC4Dns();

        var result = await Resolver(dns).ResolveAsync(Xdomdisc(C4Address), TestContext.Current.CancellationToken);

        Assert.Equal([new Uri("https://alto1.example.net/ird")], result.Uris);
        Assert.Equal([R128, R64, R56, R48], dns.Asked);
        Assert.Equal(
            [DiscoveryStepOutcome.NxDomain, DiscoveryStepOutcome.NoData, DiscoveryStepOutcome.OtherServicesOnly, DiscoveryStepOutcome.Found],
            result.Steps.Select(s => s.Outcome));
        Assert.Equal(["R128", "R64", "R56", "R48"], result.Steps.Select(s => s.Name.Label));
        Assert.Equal(2, result.Steps[2].Lookup.Records.Length);
        Assert.Equal(2, result.Steps[3].Lookup.Records.Length);
        Assert.Equal((ushort)100, result.Targets.Single().Order);
        Assert.Equal((ushort)10, result.Targets.Single().Preference);
        Assert.Same(result.Steps[3], result.Answer);
        Assert.False(result.RetryMightHelp);
        Assert.False(result.Validated);
    }

    [Fact]
    public async Task Negative_answers_carry_the_soa_ttl_and_positive_ones_the_record_ttl()
    {
        var result = await Resolver(AppendixC4Dns()).ResolveAsync(Xdomdisc(C4Address), TestContext.Current.CancellationToken);

        // RFC 2308 §5: min(SOA TTL, MINIMUM) = 300 s; the NAPTR RRsets have TTL 3600.
        Assert.Equal(TimeSpan.FromSeconds(300), result.Steps[0].Lookup.Ttl);
        Assert.Equal(TimeSpan.FromSeconds(300), result.Steps[1].Lookup.Ttl);
        Assert.Equal(TimeSpan.FromSeconds(3600), result.Steps[3].Lookup.Ttl);
        Assert.All(result.Steps, s => Assert.False(s.FromCache));
    }

    [Fact]
    public async Task Targets_are_sorted_by_order_then_preference_and_other_protocols_are_left_out()
    {
        var dns = new FakeDnsTransport().Naptr(V4R24, 600,
            FakeDnsTransport.Alto(200, 10, "https://alto3.example.net/ird"),
            FakeDnsTransport.Alto(100, 20, "https://alto2.example.net/ird"),
            FakeDnsTransport.Alto(50, 10, "http://debug.example.net/ird", "ALTO:http"),
            FakeDnsTransport.Alto(100, 10, "https://alto1.example.net/ird"));

        var result = await Resolver(dns).ResolveAsync(Xdomdisc("198.51.100.3"), TestContext.Current.CancellationToken);

        Assert.Equal(
            [new Uri("https://alto1.example.net/ird"), new Uri("https://alto2.example.net/ird"), new Uri("https://alto3.example.net/ird")],
            result.Uris);
        Assert.Equal([(100, 10), (100, 20), (200, 10)], result.Targets.Select(t => ((int)t.Order, (int)t.Preference)));
        Assert.Equal([V4R32, V4R24], dns.Asked);
        Assert.Equal(4, result.Steps[1].Lookup.Records.Length);
    }

    [Fact]
    public async Task Service_parameter_alto_http_selects_only_the_http_record()
    {
        // RFC 8686 §2: any valid SP is accepted; "ALTO:http" is for debugging.
        var dns = new FakeDnsTransport().Naptr(V4R24, 600,
            FakeDnsTransport.Alto(100, 10, "https://alto1.example.net/ird"),
            FakeDnsTransport.Alto(200, 10, "http://alto1.example.net/ird", "ALTO:http"));

        var result = await Resolver(dns).ResolveAsync(Xdomdisc("198.51.100.3", "ALTO:http"), TestContext.Current.CancellationToken);

        Assert.Equal([new Uri("http://alto1.example.net/ird")], result.Uris);
        Assert.Equal("ALTO:http", result.Request.Service.ToString());
    }

    [Fact]
    public async Task A_name_with_only_other_services_is_passed_and_the_next_name_answers()
    {
        var dns = new FakeDnsTransport()
            .Naptr(V4R32, 600, FakeDnsTransport.LisHeld(10, 10, "https://lis.example.org/"))
            .Naptr(V4R16, 600, FakeDnsTransport.Alto(100, 10, "https://alto.example.org/ird"));

        var result = await Resolver(dns).ResolveAsync(Xdomdisc("198.51.100.3"), TestContext.Current.CancellationToken);

        Assert.Equal([new Uri("https://alto.example.org/ird")], result.Uris);
        Assert.Equal([V4R32, V4R24, V4R16], dns.Asked);
        Assert.Equal(DiscoveryStepOutcome.OtherServicesOnly, result.Steps[0].Outcome);
        Assert.Equal(DiscoveryStepOutcome.NxDomain, result.Steps[1].Outcome);
        Assert.Equal("R16", result.Answer!.Name.Label);
    }

    [Fact]
    public async Task A_name_whose_alto_records_are_all_broken_ends_the_walk_and_says_why()
    {
        // The name carries the service (RFC 8686 §3.4 stops there) but the record is no U-NAPTR: flag "s".
        var dns = new FakeDnsTransport()
            .Naptr(V4R32, 600, new NaptrRecord(100, 10, "s", "ALTO:https", "", "_alto._tcp.example.net."))
            .Naptr(V4R24, 600, FakeDnsTransport.Alto(100, 10, "https://alto1.example.net/ird"));

        var result = await Resolver(dns).ResolveAsync(Xdomdisc("198.51.100.3"), TestContext.Current.CancellationToken);

        Assert.Empty(result.Uris);
        Assert.Equal([V4R32], dns.Asked);
        Assert.Equal(DiscoveryStepOutcome.OnlyUnusableRecords, result.Steps.Single().Outcome);
        Assert.Equal(UNaptrError.FlagNotU, result.Steps.Single().Rejected.Single().Error);
    }

    [Fact]
    public async Task No_naptr_anywhere_gives_an_empty_list_after_every_name()
    {
        var dns = new FakeDnsTransport();

        var result = await Resolver(dns).ResolveAsync(Xdomdisc("198.51.100.3"), TestContext.Current.CancellationToken);

        Assert.Empty(result.Uris);
        Assert.Null(result.Answer);
        Assert.Equal([V4R32, V4R24, V4R16, V4R8], dns.Asked);
        Assert.False(result.RetryMightHelp);
        Assert.False(result.NoDnsAnswer);
    }

    [Fact]
    public async Task Prefix_starts_at_the_name_table_1_gives_it()
    {
        // RFC 8686 Table 1: a /20 starts at R16; a /56 at R56.
        var dns = new FakeDnsTransport();

        await Resolver(dns).ResolveAsync(Xdomdisc("198.51.100.0/20"), TestContext.Current.CancellationToken);
        await Resolver(dns).ResolveAsync(Xdomdisc("2001:db8:1::/56"), TestContext.Current.CancellationToken);

        Assert.Equal(
            [V4R16, V4R8, "0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.", "1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.", "0.0.8.b.d.0.1.0.0.2.ip6.arpa.", "8.b.d.0.1.0.0.2.ip6.arpa."],
            dns.Asked);
    }

    [Fact]
    public async Task Temporary_failures_go_on_at_once_and_are_retried_after_the_last_name()
    {
        // R32 SERVFAIL and R24 timeout the first time; R16 and R8 do not exist. The retry round asks R32, which now answers.
        var dns = new FakeDnsTransport()
            .FailFirst(V4R32, ScriptedFailure.ServFail)
            .FailFirst(V4R24, ScriptedFailure.Timeout)
            .Naptr(V4R32, 600, FakeDnsTransport.Alto(100, 10, "https://alto1.example.net/ird"));

        var result = await Resolver(dns).ResolveAsync(Xdomdisc("198.51.100.3"), TestContext.Current.CancellationToken);

        Assert.Equal([V4R32, V4R24, V4R16, V4R8, V4R32], dns.Asked);
        Assert.Equal([new Uri("https://alto1.example.net/ird")], result.Uris);
        Assert.Equal([0, 0, 0, 0, 1], result.Steps.Select(s => s.Round));
        Assert.Equal(DnsFailureReason.ServerFailure, result.Steps[0].Lookup.Failure);
        Assert.Equal(DnsFailureReason.Timeout, result.Steps[1].Lookup.Failure);
        Assert.False(result.RetryMightHelp);
    }

    [Fact]
    public async Task An_answer_past_a_failing_more_specific_name_says_a_retry_might_do_better()
    {
        var dns = new FakeDnsTransport()
            .FailFirst(V4R32, ScriptedFailure.Refused)
            .Naptr(V4R32, 600, FakeDnsTransport.Alto(100, 10, "https://specific.example.net/ird"))
            .Naptr(V4R24, 600, FakeDnsTransport.Alto(100, 10, "https://alto1.example.net/ird"));

        var result = await Resolver(dns).ResolveAsync(Xdomdisc("198.51.100.3"), TestContext.Current.CancellationToken);

        // §3.4: the walk stops at the first name with the service; R32 is not asked again.
        Assert.Equal([new Uri("https://alto1.example.net/ird")], result.Uris);
        Assert.Equal([V4R32, V4R24], dns.Asked);
        Assert.Equal(DnsFailureReason.Refused, result.Steps[0].Lookup.Failure);
        Assert.True(result.RetryMightHelp);
    }

    [Fact]
    public async Task Retries_are_bounded_and_an_unreachable_server_is_reported()
    {
        var dns = new FakeDnsTransport();
        foreach (var name in new[] { V4R32, V4R24, V4R16, V4R8 })
        {
            dns.FailFirst(name, ScriptedFailure.NetworkError, ScriptedFailure.NetworkError, ScriptedFailure.NetworkError, ScriptedFailure.NetworkError);
        }

        var result = await Resolver(dns, retryRounds: 2).ResolveAsync(Xdomdisc("198.51.100.3"), TestContext.Current.CancellationToken);

        Assert.Equal(12, dns.Queries.Count);
        Assert.Empty(result.Uris);
        Assert.True(result.NoDnsAnswer);
        Assert.True(result.RetryMightHelp);
        Assert.False(result.Validated);
        Assert.All(result.Steps, s => Assert.Equal("connection refused", s.Lookup.FailureDetail));
    }

    [Fact]
    public async Task Retry_round_waits_for_the_retry_delay_on_the_time_provider()
    {
        var dns = new FakeDnsTransport()
            .FailFirst(V4R32, ScriptedFailure.Timeout)
            .Naptr(V4R32, 600, FakeDnsTransport.Alto(100, 10, "https://alto1.example.net/ird"));
        var resolver = new AltoDiscoveryResolver(dns, Options(retryDelay: TimeSpan.FromSeconds(5)));

        var running = resolver.ResolveAsync(Xdomdisc("198.51.100.3"), TestContext.Current.CancellationToken);

        Assert.False(running.IsCompleted);
        Assert.Equal(4, dns.Queries.Count);
        _time.Advance(TimeSpan.FromSeconds(5));
        var result = await running;
        Assert.Equal(5, dns.Queries.Count);
        Assert.Single(result.Uris);
    }

    [Fact]
    public async Task Answers_are_cached_for_their_ttl_positive_and_negative()
    {
        var dns = AppendixC4Dns();
        var resolver = Resolver(dns);

        await resolver.ResolveAsync(Xdomdisc(C4Address), TestContext.Current.CancellationToken);
        var cached = await resolver.ResolveAsync(Xdomdisc(C4Address), TestContext.Current.CancellationToken);

        Assert.Equal(4, dns.Queries.Count);
        Assert.All(cached.Steps, s => Assert.True(s.FromCache));
        Assert.Equal([new Uri("https://alto1.example.net/ird")], cached.Uris);

        // Past the negative TTL (300 s) but inside the positive one (3600 s): only R128 and R64 are asked again.
        _time.Advance(TimeSpan.FromSeconds(301));
        var partly = await resolver.ResolveAsync(Xdomdisc(C4Address), TestContext.Current.CancellationToken);
        Assert.Equal([R128, R64, R56, R48, R128, R64], dns.Asked);
        Assert.Equal([false, false, true, true], partly.Steps.Select(s => s.FromCache));
        Assert.Equal(TimeSpan.FromSeconds(3600 - 301), partly.Steps[3].CachedFor);

        _time.Advance(TimeSpan.FromSeconds(3600));
        await resolver.ResolveAsync(Xdomdisc(C4Address), TestContext.Current.CancellationToken);
        Assert.Equal(10, dns.Queries.Count);
    }

    [Fact]
    public async Task Temporary_failures_are_not_cached()
    {
        var dns = new FakeDnsTransport().FailFirst(V4R8, ScriptedFailure.ServFail, ScriptedFailure.ServFail);
        var resolver = Resolver(dns, retryRounds: 0);

        await resolver.ResolveAsync(Xdomdisc("198.0.0.0/8"), TestContext.Current.CancellationToken);
        var second = await resolver.ResolveAsync(Xdomdisc("198.0.0.0/8"), TestContext.Current.CancellationToken);

        Assert.Equal([V4R8, V4R8], dns.Asked);
        Assert.Null(second.Steps.Single().CachedFor);
        Assert.True(second.RetryMightHelp);
    }

    [Fact]
    public async Task Ad_bit_from_the_resolver_is_reported_and_asked_for()
    {
        var signed = AppendixC4Dns();
        signed.Signed = true;

        var validated = await Resolver(signed).ResolveAsync(Xdomdisc(C4Address), TestContext.Current.CancellationToken);
        var plain = await Resolver(AppendixC4Dns()).ResolveAsync(Xdomdisc(C4Address), TestContext.Current.CancellationToken);

        Assert.True(validated.Validated);
        Assert.All(validated.Steps, s => Assert.True(s.Lookup.AuthenticData));
        Assert.False(plain.Validated);

        // RFC 6840 §5.7: AD in the query asks for the verdict; EDNS(0) advertises 1232 octets, DO off by default.
        var query = signed.Queries[0];
        Assert.True(query.Header.Has(DnsHeaderBits.AuthenticData));
        Assert.True(query.Header.Has(DnsHeaderBits.RecursionDesired));
        Assert.Equal((ushort)1232, query.Opt!.UdpPayloadSize);
        Assert.False(query.Opt.DnssecOk);
        Assert.Equal(DnsRecordType.Naptr, query.Questions[0].Type);
    }

    [Fact]
    public async Task Do_bit_is_set_when_asked_for()
    {
        var dns = new FakeDnsTransport();
        var resolver = new AltoDiscoveryResolver(dns, new DiscoveryResolverOptions
        {
            Server = new IPEndPoint(IPAddress.Loopback, 53), DnssecOk = true, TimeProvider = _time,
        });

        await resolver.ResolveAsync(Xdomdisc("198.0.0.0/8"), TestContext.Current.CancellationToken);

        Assert.True(dns.Queries.Single().Opt!.DnssecOk);
    }

    [Fact]
    public async Task Rfc2317_cname_is_followed_to_the_naptr_records()
    {
        // RFC 8686 §5.2.2 / RFC 2317 §4: 3.100.51.198.in-addr.arpa. CNAME 3.0/25.100.51.198.in-addr.arpa.
        var dns = new FakeDnsTransport()
            .Cname(V4R32, "3.0/25.100.51.198.in-addr.arpa.", 120)
            .Naptr("3.0/25.100.51.198.in-addr.arpa.", 600, FakeDnsTransport.Alto(100, 10, "https://alto.customer.example/ird"));

        var result = await Resolver(dns).ResolveAsync(Xdomdisc("198.51.100.3"), TestContext.Current.CancellationToken);

        Assert.Equal([new Uri("https://alto.customer.example/ird")], result.Uris);
        Assert.Equal(["3.0/25.100.51.198.in-addr.arpa."], result.Steps.Single().Lookup.Aliases);
        Assert.Equal(TimeSpan.FromSeconds(120), result.Steps.Single().Lookup.Ttl);
    }

    private AltoDiscoveryResolver Resolver(IDnsTransport dns, int retryRounds = 1) => new(dns, Options(retryRounds));

    private DiscoveryResolverOptions Options(int retryRounds = 1, TimeSpan? retryDelay = null) => new()
    {
        Server = new IPEndPoint(IPAddress.Loopback, 53),
        RetryRounds = retryRounds,
        RetryDelay = retryDelay ?? TimeSpan.Zero,
        TimeProvider = _time,
    };

    internal static DiscoveryRequest Xdomdisc(string target, string? service = null)
    {
        Assert.True(DiscoveryRequest.TryXdomdisc(target, service, out var request, out var error), error.ToString());
        return request;
    }
}

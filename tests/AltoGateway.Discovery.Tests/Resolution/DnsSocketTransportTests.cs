using System.Net;
using System.Net.Sockets;
using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Naptr;
using AltoGateway.Discovery.Resolution;

namespace AltoGateway.Discovery.Tests.Resolution;

/// <summary>The real UDP/TCP transport against a DNS server on 127.0.0.1 (RFC 1035 §4.2, RFC 7766 §5, RFC 5452 §9.1).</summary>
public class DnsSocketTransportTests
{
    private const string Name = "100.51.198.in-addr.arpa.";

    private static readonly DnsTransportOptions Options = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Answer_over_udp()
    {
        await using var server = LoopbackDnsServer.Start((query, _) => [LoopbackDnsServer.Wire(LoopbackDnsServer.Response(query, Naptrs(2)))]);
        var query = Query(0x1234);

        var result = await new DnsSocketTransport(Options).ExchangeAsync(query, server.EndPoint, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Detail);
        Assert.False(result.OverTcp);
        Assert.Equal(2, result.Response.Answers.Count);
        Assert.Equal((ushort)0x1234, result.Response.Header.Id);
        Assert.Equal(0, result.IgnoredDatagrams);
        Assert.Equal(0, server.TcpQueries);
    }

    [Fact]
    public async Task Truncated_udp_answer_is_asked_again_over_tcp()
    {
        // 40 NAPTRs do not fit 512 octets: over UDP the server sends header and question with TC (RFC 1035 §4.2.1).
        await using var server = LoopbackDnsServer.Start((query, tcp) =>
            [LoopbackDnsServer.Wire(LoopbackDnsServer.Response(query, Naptrs(40)), tcp ? DnsMessageWriter.MaxMessageLength : 512)]);

        var result = await new DnsSocketTransport(Options).ExchangeAsync(Query(7), server.EndPoint, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Detail);
        Assert.True(result.OverTcp);
        Assert.False(result.Response.Header.Has(DnsHeaderBits.Truncated));
        Assert.Equal(40, result.Response.Answers.Count);
        Assert.True(result.Wire.Length > 512);
        Assert.Equal(1, server.UdpQueries);
        Assert.Equal(1, server.TcpQueries);
    }

    [Fact]
    public async Task Datagrams_with_the_wrong_id_or_question_are_ignored_and_counted()
    {
        await using var server = LoopbackDnsServer.Start((query, _) =>
        [
            LoopbackDnsServer.Wire(LoopbackDnsServer.Response(query, Naptrs(1, "https://spoofed.example/ird"), id: (ushort)(query.Header.Id + 1))),
            LoopbackDnsServer.Wire(LoopbackDnsServer.Response(query, Naptrs(1, "https://spoofed.example/ird"), questions: [new DnsQuestion("evil.example.", DnsRecordType.Naptr)])),
            [0xde, 0xad],
            LoopbackDnsServer.Wire(LoopbackDnsServer.Response(query, Naptrs(1))),
        ]);

        var result = await new DnsSocketTransport(Options).ExchangeAsync(Query(99), server.EndPoint, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(3, result.IgnoredDatagrams);
        var naptr = Assert.IsType<DnsNaptrData>(result.Response.Answers.Single().Data);
        Assert.Contains("alto1.example.net", naptr.Record.Regexp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silence_is_a_timeout()
    {
        await using var server = LoopbackDnsServer.Start((_, _) => []);
        var transport = new DnsSocketTransport(new DnsTransportOptions { Timeout = TimeSpan.FromMilliseconds(200) });

        var result = await transport.ExchangeAsync(Query(1), server.EndPoint, TestContext.Current.CancellationToken);

        Assert.Equal(DnsTransportFailure.Timeout, result.Failure);
        Assert.Null(result.Response);
    }

    [Fact]
    public async Task A_closed_port_is_a_network_error()
    {
        IPEndPoint closed;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            closed = (IPEndPoint)probe.LocalEndPoint!;
        }

        var result = await new DnsSocketTransport(Options).ExchangeAsync(Query(1), closed, TestContext.Current.CancellationToken);

        Assert.Equal(DnsTransportFailure.NetworkError, result.Failure);
        Assert.Contains("connection refused", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_throws_rather_than_reporting_a_timeout()
    {
        await using var server = LoopbackDnsServer.Start((_, _) => []);
        using var cancellation = new CancellationTokenSource();
        var exchange = new DnsSocketTransport(Options).ExchangeAsync(Query(1), server.EndPoint, cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await exchange);
    }

    [Fact]
    public async Task Appendix_c4_walk_over_real_sockets()
    {
        // The in-memory resolver's answers, served over UDP: the resolver with the real transport walks R128 → R48.
        var zone = XdomdiscResolverTests.AppendixC4Dns();
        await using var server = LoopbackDnsServer.Start((query, _) =>
            [zone.Answer(query).Wire.ToArray()]);
        var resolver = new AltoDiscoveryResolver(new DnsSocketTransport(Options), new DiscoveryResolverOptions { Server = server.EndPoint });

        var result = await resolver.ResolveAsync(XdomdiscResolverTests.Xdomdisc(XdomdiscResolverTests.C4Address), TestContext.Current.CancellationToken);

        Assert.Equal([new Uri("https://alto1.example.net/ird")], result.Uris);
        Assert.Equal(4, server.UdpQueries);
    }

    private static DnsMessage Query(ushort id) => DnsQueryBuilder.BuildWithEdns(id, Name, DnsRecordType.Naptr, dnssecOk: false);

    private static List<DnsRecord> Naptrs(int count, string uri = "https://alto1.example.net/ird") =>
        Enumerable.Range(0, count)
            .Select(i => new DnsRecord(Name, DnsRecordType.Naptr, DnsRecordType.InternetClass, 600,
                new DnsNaptrData(new NaptrRecord(100, (ushort)(10 + i), "u", "ALTO:https", $"!.*!{uri}!", ""))))
            .ToList();
}

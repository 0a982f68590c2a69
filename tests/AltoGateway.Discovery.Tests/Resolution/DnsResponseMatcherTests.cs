using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Resolution;

namespace AltoGateway.Discovery.Tests.Resolution;

/// <summary>Which received messages count as the response to a query (RFC 5452 §9.1).</summary>
public class DnsResponseMatcherTests
{
    private static readonly DnsMessage Query = DnsQueryBuilder.Build(0x4242, "example.net.", DnsRecordType.Naptr);

    [Fact]
    public void The_response_matches_even_with_the_name_in_another_case()
    {
        // A resolver may echo 0x20-mixed case (RFC 4343 §3: names compare ignoring ASCII case).
        var wire = Wire(Response() with { Questions = [new DnsQuestion("ExAmPlE.NeT.", DnsRecordType.Naptr)] });

        Assert.True(DnsResponseMatcher.TryMatch(Query, wire, out var response, out var mismatch));
        Assert.Equal(DnsResponseMismatch.None, mismatch);
        Assert.Equal((ushort)0x4242, response.Header.Id);
    }

    [Fact]
    public void Mismatches_are_named()
    {
        Assert.Equal(DnsResponseMismatch.WrongId, Check(Response() with { Header = Response().Header with { Id = 1 } }));
        Assert.Equal(DnsResponseMismatch.NotAResponse, Check(Query));
        Assert.Equal(DnsResponseMismatch.WrongQuestion, Check(Response() with { Questions = [new DnsQuestion("example.org.", DnsRecordType.Naptr)] }));
        Assert.Equal(DnsResponseMismatch.WrongQuestion, Check(Response() with { Questions = [new DnsQuestion("example.net.", DnsRecordType.Soa)] }));
        Assert.Equal(DnsResponseMismatch.WrongQuestion, Check(Response() with { Questions = [] }));
        Assert.Equal(DnsResponseMismatch.WrongOpcode, Check(Response() with { Header = Response().Header with { Opcode = 2 } }));
    }

    [Fact]
    public void Unreadable_bytes_with_the_right_id_are_not_taken()
    {
        var wire = Wire(Response());

        Assert.False(DnsResponseMatcher.TryMatch(Query, wire.AsSpan(0, wire.Length - 1), out _, out var mismatch));
        Assert.Equal(DnsResponseMismatch.Unreadable, mismatch);
    }

    private static DnsMessage Response() =>
        new(new DnsHeader(0x4242, DnsHeaderBits.Response | DnsHeaderBits.RecursionAvailable, 0, 0), Query.Questions, [], [], []);

    private static DnsResponseMismatch Check(DnsMessage message)
    {
        DnsResponseMatcher.TryMatch(Query, Wire(message), out _, out var mismatch);
        return mismatch;
    }

    private static byte[] Wire(DnsMessage message) => LoopbackDnsServer.Wire(message);
}

using System.Buffers;
using AltoGateway.Alto.Addressing;
using AltoGateway.Discovery.AccessDomains;
using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Responder;

namespace AltoGateway.Discovery.Tests.Responder;

/// <summary>The zones most responder tests answer from, and helpers to send queries and read answers.</summary>
internal static class ResponderFixture
{
    public const string LanUri = "https://alto.example.net/directory";
    public const string WanUri = "https://203.0.113.1:7286/proxy/directory";

    public static readonly ResponderSettings Settings = new()
    {
        AccessDomains = [Domain("example.net")],
        AccessDirectoryUris = [LanUri],
        ReversePrefixes = [AddressPrefix.Parse(EndpointAddressType.Ipv4, "198.51.100.0/24"), AddressPrefix.Parse(EndpointAddressType.Ipv6, "2001:db8::/48")],
        ReverseDirectoryUris = [WanUri],
        Ipv4ReverseLevel = 32,
        Ipv6ReverseLevel = 64,
        NameServer = "ns.example.net.",
        Hostmaster = "hostmaster.example.net.",
        RecordTtl = 3600,
        NegativeTtl = 300,
    };

    public static DnsAnswerer Answerer(ResponderSettings? settings = null)
    {
        Assert.True(ResponderZoneSet.TryBuild(settings ?? Settings, out var zones, out var problems), string.Join("; ", problems));
        return new DnsAnswerer(zones);
    }

    public static AccessDomainName Domain(string text)
    {
        Assert.True(AccessDomainName.TryCreate(text, out var name, out _));
        return name;
    }

    public static byte[] Query(string name, ushort type, ushort id = 0x1234, DnsOptData? edns = null, bool recursionDesired = false, ushort @class = DnsRecordType.InternetClass)
    {
        var query = DnsQueryBuilder.Build(id, name, type, edns, recursionDesired);
        query = query with { Questions = [new DnsQuestion(name, type, @class)] };
        var buffer = new byte[DnsMessageWriter.MaxMessageLength];
        Assert.Equal(OperationStatus.Done, DnsMessageWriter.TryWrite(query, buffer, buffer.Length, out var written));
        return buffer[..written];
    }

    /// <summary>Answers and reads the response back with the general reader, which must accept it.</summary>
    public static (ResponderOutcome Outcome, DnsMessage Response, byte[] Wire) Ask(DnsAnswerer answerer, byte[] query, DnsTransport transport = DnsTransport.Udp)
    {
        var buffer = new byte[DnsMessageWriter.MaxMessageLength];
        var outcome = answerer.Answer(query, buffer, transport);
        Assert.False(outcome.Dropped, $"dropped: {outcome.Drop}");
        var wire = buffer[..outcome.Length];
        Assert.True(DnsMessageReader.TryRead(wire, out var response, out var error), $"unreadable response: {error}");
        return (outcome, response, wire);
    }

    public static byte[] Hex(string text) => Convert.FromHexString(new string([.. text.Where(Uri.IsHexDigit)]));
}

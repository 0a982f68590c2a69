namespace AltoGateway.Discovery.Dns;

/// <summary>Builds the queries a resolver sends: one question, RD set, optionally an OPT record (RFC 6891 §6.1.1).</summary>
public static class DnsQueryBuilder
{
    /// <summary>The EDNS payload size recommended to avoid fragmentation (DNS Flag Day 2020).</summary>
    public const ushort DefaultUdpPayloadSize = 1232;

    /// <summary>A standard query for <paramref name="name"/> and <paramref name="type"/>, with EDNS when <paramref name="edns"/> is given.</summary>
    public static DnsMessage Build(ushort id, string name, ushort type, DnsOptData? edns = null, bool recursionDesired = true)
    {
        var header = new DnsHeader(id, recursionDesired ? DnsHeaderBits.RecursionDesired : DnsHeaderBits.None, DnsHeader.QueryOpcode, 0);
        IReadOnlyList<DnsRecord> additionals = edns is null ? [] : [edns.ToRecord()];
        return new DnsMessage(header, [new DnsQuestion(name, type)], [], [], additionals);
    }

    /// <summary>A query with an OPT record advertising <see cref="DefaultUdpPayloadSize"/> and the DO bit (RFC 3225 §3).</summary>
    public static DnsMessage BuildWithEdns(ushort id, string name, ushort type, bool dnssecOk) =>
        Build(id, name, type, new DnsOptData(DefaultUdpPayloadSize, dnssecOk));
}

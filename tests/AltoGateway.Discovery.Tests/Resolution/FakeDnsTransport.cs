using System.Buffers;
using System.Net;
using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Naptr;
using AltoGateway.Discovery.Resolution;

namespace AltoGateway.Discovery.Tests.Resolution;

/// <summary>
/// An in-memory recursive resolver that answers like a real one: the question echoed (in the case it was
/// asked), QR RD RA set, NXDOMAIN and NODATA with the zone's SOA in the authority section (RFC 2308 §3), answers
/// in whatever order the zone lists them, AD only where the zone is signed. Every response goes through the real
/// writer and the real <see cref="DnsResponseMatcher"/>, as it would off the wire. Names without a script are
/// NXDOMAIN; scripted failures are used up one per query, so "SERVFAIL, then the answer" is a retry that works.
/// </summary>
internal sealed class FakeDnsTransport : IDnsTransport
{
    public const uint SoaTtl = 3600;
    public const uint SoaMinimum = 300;

    private readonly Dictionary<string, NameScript> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every query received, in order.</summary>
    public List<DnsMessage> Queries { get; } = [];

    /// <summary>The question names of <see cref="Queries"/>, lower case.</summary>
    public IReadOnlyList<string> Asked => Queries.Select(q => q.Questions[0].Name.ToLowerInvariant()).ToList();

    /// <summary>The zone apex used for SOA records of negative answers.</summary>
    public string ZoneApex { get; set; } = "arpa.";

    /// <summary>Whether responses carry AD (the resolver validated them).</summary>
    public bool Signed { get; set; }

    public FakeDnsTransport Naptr(string name, uint ttl, params NaptrRecord[] records)
    {
        Script(name).Records.AddRange(records.Select(r => new DnsRecord(name, DnsRecordType.Naptr, DnsRecordType.InternetClass, ttl, new DnsNaptrData(r))));
        return this;
    }

    /// <summary>The name exists with some other type only: NOERROR, no NAPTR.</summary>
    public FakeDnsTransport NoData(string name)
    {
        Script(name).Exists = true;
        return this;
    }

    /// <summary>A CNAME from <paramref name="name"/> to <paramref name="target"/>, as RFC 2317 delegations use.</summary>
    public FakeDnsTransport Cname(string name, string target, uint ttl)
    {
        Script(name).Alias = new DnsRecord(name, DnsRecordType.Cname, DnsRecordType.InternetClass, ttl, new DnsCnameData(target));
        return this;
    }

    /// <summary>The next queries for <paramref name="name"/> fail this way, one per query, before the scripted answer.</summary>
    public FakeDnsTransport FailFirst(string name, params ScriptedFailure[] failures)
    {
        foreach (var failure in failures)
        {
            Script(name).Failures.Enqueue(failure);
        }

        return this;
    }

    public static NaptrRecord Alto(ushort order, ushort preference, string uri, string service = "ALTO:https") =>
        new(order, preference, "u", service, $"!.*!{uri}!", "");

    public static NaptrRecord LisHeld(ushort order, ushort preference, string uri) =>
        new(order, preference, "u", "LIS:HELD", $"!.*!{uri}!", "");

    public ValueTask<DnsExchangeResult> ExchangeAsync(DnsMessage query, IPEndPoint server, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Answer(query));
    }

    /// <summary>The exchange for <paramref name="query"/>, synchronously (the fake never waits).</summary>
    public DnsExchangeResult Answer(DnsMessage query)
    {
        Queries.Add(query);
        var question = query.Questions[0];
        _names.TryGetValue(question.Name, out var script);
        if (script is not null && script.Failures.TryDequeue(out var failure))
        {
            return failure switch
            {
                ScriptedFailure.ServFail => Respond(query, 2, [], []),
                ScriptedFailure.Refused => Respond(query, 5, [], []),
                ScriptedFailure.Timeout => DnsExchangeResult.Failed(DnsTransportFailure.Timeout, "no response within 2 s"),
                _ => DnsExchangeResult.Failed(DnsTransportFailure.NetworkError, "connection refused"),
            };
        }

        var answers = new List<DnsRecord>();
        var owner = question.Name;
        if (script?.Alias is { } alias)
        {
            answers.Add(alias with { Name = question.Name });
            owner = ((DnsCnameData)alias.Data).Target;
            _names.TryGetValue(owner, out script);
        }

        answers.AddRange((script?.Records ?? []).Select(r => r with { Name = owner }));
        if (answers.Any(a => a.Type == question.Type))
        {
            return Respond(query, 0, answers, []);
        }

        // RFC 2308 §3: negative answers carry the SOA of the zone, its TTL at most the MINIMUM.
        var soa = new DnsRecord(ZoneApex, DnsRecordType.Soa, DnsRecordType.InternetClass, Math.Min(SoaTtl, SoaMinimum),
            new DnsSoaData("ns1." + ZoneApex, "hostmaster." + ZoneApex, 2024010101, 7200, 3600, 1209600, SoaMinimum));
        var exists = script is not null && (script.Exists || script.Records.Count > 0);
        return Respond(query, exists ? (byte)0 : (byte)3, answers, [soa]);
    }

    private DnsExchangeResult Respond(DnsMessage query, byte rcode, List<DnsRecord> answers, List<DnsRecord> authorities)
    {
        var flags = DnsHeaderBits.Response | DnsHeaderBits.RecursionDesired | DnsHeaderBits.RecursionAvailable
            | (Signed && rcode is 0 or 3 ? DnsHeaderBits.AuthenticData : DnsHeaderBits.None);
        IReadOnlyList<DnsRecord> additionals = query.Opt is null ? [] : [new DnsOptData(1232).ToRecord()];
        var response = new DnsMessage(new DnsHeader(query.Header.Id, flags, 0, rcode), query.Questions, answers, authorities, additionals);
        var output = new ArrayBufferWriter<byte>();
        DnsMessageWriter.Write(response, output, DnsMessageWriter.MaxMessageLength);
        var wire = output.WrittenMemory.ToArray();
        return DnsResponseMatcher.TryMatch(query, wire, out var read, out var mismatch)
            ? DnsExchangeResult.Success(read, wire)
            : throw new InvalidOperationException($"The fake wrote a response that does not match its query: {mismatch}");
    }

    private NameScript Script(string name)
    {
        if (!_names.TryGetValue(name, out var script))
        {
            script = new NameScript();
            _names[name] = script;
        }

        return script;
    }

    private sealed class NameScript
    {
        public List<DnsRecord> Records { get; } = [];

        public Queue<ScriptedFailure> Failures { get; } = new();

        public bool Exists { get; set; }

        public DnsRecord? Alias { get; set; }
    }
}

/// <summary>The temporary failures <see cref="FakeDnsTransport"/> can play (RFC 8686 §3.5).</summary>
internal enum ScriptedFailure
{
    Timeout,
    ServFail,
    Refused,
    NetworkError,
}

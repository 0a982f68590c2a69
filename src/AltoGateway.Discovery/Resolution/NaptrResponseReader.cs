using System.Collections.Immutable;
using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Resolution;

/// <summary>
/// Turns the exchange for "NAME NAPTR" into a <see cref="NaptrLookupResult"/>: the RCODE decides the kind, the
/// answer section gives the NAPTR records of the name or of the end of its CNAME chain (RFC 1034 §3.6.2), and the
/// TTLs give the cache lifetime (RFC 2308 §5 for negative answers). Records owned by other names are ignored.
/// </summary>
public static class NaptrResponseReader
{
    private const int NoError = 0;
    private const int ServerFailure = 2;
    private const int NameError = 3;
    private const int Refused = 5;

    // A resolver follows at most a few aliases; more is a loop or an attack.
    private const int MaxAliases = 8;

    /// <summary>Reads the outcome of the exchange for <paramref name="name"/>.</summary>
    public static NaptrLookupResult Read(string name, DnsExchangeResult exchange)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(exchange);
        if (!exchange.Succeeded)
        {
            var reason = exchange.Failure switch
            {
                DnsTransportFailure.Timeout => DnsFailureReason.Timeout,
                DnsTransportFailure.NetworkError => DnsFailureReason.NetworkError,
                _ => DnsFailureReason.MalformedResponse,
            };
            return Failed(name, exchange, reason, exchange.Detail);
        }

        var response = exchange.Response;
        var authenticData = response.Header.Has(DnsHeaderBits.AuthenticData);
        switch (response.ResponseCode)
        {
            case NoError:
                break;
            case NameError:
                return Negative(name, exchange, NaptrLookupKind.NxDomain, authenticData);
            case ServerFailure:
                return Failed(name, exchange, DnsFailureReason.ServerFailure, "SERVFAIL");
            case Refused:
                return Failed(name, exchange, DnsFailureReason.Refused, "REFUSED");
            default:
                return Failed(name, exchange, DnsFailureReason.OtherResponseCode, "RCODE " + response.ResponseCode);
        }

        var owner = FollowAliases(name, response.Answers, out var aliases, out var aliasTtl);
        var records = ImmutableArray.CreateBuilder<NaptrRecord>();
        var ttl = aliasTtl;
        foreach (var record in response.Answers)
        {
            if (record.Data is DnsNaptrData naptr && record.Class == DnsRecordType.InternetClass && DnsNames.AreEqual(record.Name, owner))
            {
                records.Add(naptr.Record);
                ttl = Math.Min(ttl, record.Ttl);
            }
        }

        if (records.Count == 0)
        {
            return Negative(name, exchange, NaptrLookupKind.NoData, authenticData) with { Aliases = aliases };
        }

        return new NaptrLookupResult
        {
            Name = DnsNames.Absolute(name),
            Kind = NaptrLookupKind.Records,
            Records = records.ToImmutable(),
            Ttl = TimeSpan.FromSeconds(ttl),
            AuthenticData = authenticData,
            Aliases = aliases,
            OverTcp = exchange.OverTcp,
            IgnoredDatagrams = exchange.IgnoredDatagrams,
        };
    }

    private static string FollowAliases(string name, IReadOnlyList<DnsRecord> answers, out ImmutableArray<string> aliases, out uint ttl)
    {
        var owner = name;
        var chain = ImmutableArray.CreateBuilder<string>();
        ttl = uint.MaxValue;
        for (var step = 0; step < MaxAliases; step++)
        {
            var cname = answers.FirstOrDefault(r => r.Data is DnsCnameData && DnsNames.AreEqual(r.Name, owner));
            if (cname is null)
            {
                break;
            }

            owner = ((DnsCnameData)cname.Data).Target;
            chain.Add(owner);
            ttl = Math.Min(ttl, cname.Ttl);
        }

        aliases = chain.ToImmutable();
        return owner;
    }

    // RFC 2308 §5: the negative answer lives as long as the SOA in the authority section says, the smaller of its
    // TTL and its MINIMUM; without an SOA it "SHOULD NOT be cached" (null).
    private static NaptrLookupResult Negative(string name, DnsExchangeResult exchange, NaptrLookupKind kind, bool authenticData)
    {
        TimeSpan? ttl = null;
        foreach (var record in exchange.Response!.Authorities)
        {
            if (record.Data is DnsSoaData soa)
            {
                ttl = TimeSpan.FromSeconds(Math.Min(record.Ttl, soa.Minimum));
                break;
            }
        }

        return new NaptrLookupResult
        {
            Name = DnsNames.Absolute(name),
            Kind = kind,
            Ttl = ttl,
            AuthenticData = authenticData,
            OverTcp = exchange.OverTcp,
            IgnoredDatagrams = exchange.IgnoredDatagrams,
        };
    }

    private static NaptrLookupResult Failed(string name, DnsExchangeResult exchange, DnsFailureReason reason, string detail) => new()
    {
        Name = DnsNames.Absolute(name),
        Kind = NaptrLookupKind.TemporaryFailure,
        Failure = reason,
        FailureDetail = detail,
        OverTcp = exchange.OverTcp,
        IgnoredDatagrams = exchange.IgnoredDatagrams,
    };
}

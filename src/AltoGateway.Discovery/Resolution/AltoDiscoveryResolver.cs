using System.Collections.Immutable;
using System.Security.Cryptography;
using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Resolution;

/// <summary>
/// Runs a <see cref="DiscoveryRequest"/>: XDOMDISC(X, SP) (RFC 8686 §3) or the RFC 7286 §3.2 access-domain lookup.
/// Each name is asked for NAPTR records in order; the first whose answer carries the service ends the procedure
/// (§3.4). NXDOMAIN, NODATA, other services and temporary failures all go on to the next name at once; names that
/// failed temporarily are asked again only after every name was tried, a bounded number of rounds (§3.5). Answers
/// are cached per TTL in a <see cref="NaptrLookupCache"/>.
/// </summary>
public sealed class AltoDiscoveryResolver
{
    private readonly IDnsTransport _transport;
    private readonly DiscoveryResolverOptions _options;

    /// <summary>A resolver that asks <see cref="DiscoveryResolverOptions.Server"/> through <paramref name="transport"/>.</summary>
    public AltoDiscoveryResolver(IDnsTransport transport, DiscoveryResolverOptions options, NaptrLookupCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.RetryRounds, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetryDelay, TimeSpan.Zero, nameof(options));
        _transport = transport;
        _options = options;
        Cache = cache ?? new NaptrLookupCache(options.TimeProvider);
    }

    /// <summary>The cache of NAPTR answers this resolver reads and fills.</summary>
    public NaptrLookupCache Cache { get; }

    /// <summary>Runs the procedure; only cancellation throws.</summary>
    public async Task<DiscoveryResult> ResolveAsync(DiscoveryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var steps = ImmutableArray.CreateBuilder<DiscoveryStep>();
        var failing = new List<int>();
        for (var i = 0; i < request.Names.Count; i++)
        {
            var step = await AskAsync(request, request.Names[i], 0, cancellationToken).ConfigureAwait(false);
            steps.Add(step);
            if (Ends(step))
            {
                return Finish(request, steps, step, failing);
            }

            if (step.Outcome == DiscoveryStepOutcome.TemporaryFailure)
            {
                failing.Add(i);
            }
        }

        // RFC 8686 §3.5: temporary failures MAY be retried, but only once every name has been tried; the first
        // retried name (in walk order) that carries the service wins.
        for (var round = 1; round <= _options.RetryRounds && failing.Count > 0; round++)
        {
            await Task.Delay(_options.RetryDelay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            var stillFailing = new List<int>();
            for (var f = 0; f < failing.Count; f++)
            {
                var step = await AskAsync(request, request.Names[failing[f]], round, cancellationToken).ConfigureAwait(false);
                steps.Add(step);
                if (Ends(step))
                {
                    return Finish(request, steps, step, stillFailing);
                }

                if (step.Outcome == DiscoveryStepOutcome.TemporaryFailure)
                {
                    stillFailing.Add(failing[f]);
                }
            }

            failing = stillFailing;
        }

        return Finish(request, steps, null, failing);
    }

    private async Task<DiscoveryStep> AskAsync(DiscoveryRequest request, DiscoveryName name, int round, CancellationToken cancellationToken)
    {
        var fromCache = Cache.TryGet(name.Name, out var lookup, out var remaining);
        if (!fromCache)
        {
            var query = BuildQuery(name.Name);
            var exchange = await _transport.ExchangeAsync(query, _options.Server, cancellationToken).ConfigureAwait(false);
            lookup = NaptrResponseReader.Read(name.Name, exchange);
            remaining = Cache.Store(lookup) ? Cache.Lifetime(lookup) : TimeSpan.Zero;
        }

        var step = new DiscoveryStep
        {
            Name = name,
            Round = round,
            Outcome = Classify(lookup.Kind),
            Lookup = lookup,
            FromCache = fromCache,
            CachedFor = remaining > TimeSpan.Zero ? remaining : null,
        };
        if (lookup.Kind != NaptrLookupKind.Records)
        {
            return step;
        }

        var selection = UNaptrSelection.Select(lookup.Records, request.Service);
        var outcome = !selection.Targets.IsEmpty ? DiscoveryStepOutcome.Found
            : selection.HasWantedService ? DiscoveryStepOutcome.OnlyUnusableRecords
            : DiscoveryStepOutcome.OtherServicesOnly;
        return step with { Outcome = outcome, Targets = selection.Targets, Rejected = selection.Rejected };
    }

    // One question, RD (a stub asks a recursive resolver), AD to ask for the validation verdict (RFC 6840 §5.7),
    // EDNS(0) with the payload size, DO when the caller wants signatures (RFC 3225 §3). The ID is random (RFC 5452 §9.2).
    private DnsMessage BuildQuery(string name)
    {
        var id = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
        var query = DnsQueryBuilder.Build(id, name, DnsRecordType.Naptr, new DnsOptData(_options.UdpPayloadSize, _options.DnssecOk));
        return query with { Header = query.Header with { Flags = query.Header.Flags | DnsHeaderBits.AuthenticData } };
    }

    private static DiscoveryStepOutcome Classify(NaptrLookupKind kind) => kind switch
    {
        NaptrLookupKind.NoData => DiscoveryStepOutcome.NoData,
        NaptrLookupKind.NxDomain => DiscoveryStepOutcome.NxDomain,
        NaptrLookupKind.TemporaryFailure => DiscoveryStepOutcome.TemporaryFailure,
        _ => DiscoveryStepOutcome.OtherServicesOnly,
    };

    private static bool Ends(DiscoveryStep step) =>
        step.Outcome is DiscoveryStepOutcome.Found or DiscoveryStepOutcome.OnlyUnusableRecords;

    // The names still failing when the procedure ended were all more specific than the answer (or there is none):
    // the walk reached the answer only past them, so another try might find a more specific server.
    private static DiscoveryResult Finish(
        DiscoveryRequest request, ImmutableArray<DiscoveryStep>.Builder steps, DiscoveryStep? answer, List<int> stillFailing)
    {
        var answered = steps.Where(s => s.Outcome != DiscoveryStepOutcome.TemporaryFailure).ToList();
        return new DiscoveryResult
        {
            Request = request,
            Targets = answer?.Targets ?? [],
            Steps = steps.ToImmutable(),
            Validated = answered.Count > 0 && answered.All(s => s.Lookup.AuthenticData),
            RetryMightHelp = stillFailing.Count > 0,
        };
    }
}

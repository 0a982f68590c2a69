using System.Net;
using AltoGateway.Health;
using AltoGateway.Host.Configuration;
using AltoGateway.Nat.PeerIds;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Nat;

/// <summary>
/// The <c>peer-ids</c> component: the issuer with its key from the state folder, and the journal
/// that lets IDs survive a restart. Without a usable key the component is degraded and no IDs are
/// issued or resolved; the rest of the agent serves on.
/// </summary>
internal sealed class PeerIdService
{
    public const string ComponentName = "peer-ids";
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly PeerIdJournal? _journal;
    private readonly ILogger _logger;

    public PeerIdService(PeerIdOptions options, StateOptions state, TimeProvider time, HealthRegistry health, ILogger<PeerIdService> logger)
    {
        _time = time;
        _period = options.RotationPeriod;
        _logger = logger;
        if (!options.Enabled)
        {
            return;
        }

        var reporter = health.Register(ComponentName);
        var directory = state.EffectiveDirectory;
        var key = PeerIdKeyStore.LoadOrCreate(directory, out var problem, out var created);
        if (key is null)
        {
            NatLog.PeerIdKeyUnusable(logger, problem!);
            reporter.ReportDegraded(problem!);
            return;
        }

        if (created)
        {
            NatLog.PeerIdKeyCreated(logger, Path.Combine(directory, PeerIdKeyStore.FileName));
        }

        Issuer = new PeerIdIssuer(key, options.Settings, time);
        try
        {
            _journal = new PeerIdJournal(directory);
            var known = _journal.Load(CurrentPeriod() - 1);
            if (known.Count > 0)
            {
                // HMACs load OpenSSL (several MB): only when there is something to recompute.
                Issuer.Recompute(known);
            }

            NatLog.PeerIdsRestored(logger, known.Count, _journal.SkippedLines);
            reporter.ReportReady();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _journal = null;
            reporter.ReportDegraded($"peer IDs will not survive a restart: {ex.Message}");
        }
    }

    /// <summary>The issuer; null when peer IDs are switched off or have no key.</summary>
    public PeerIdIssuer? Issuer { get; }

    /// <summary>The subscriber's ID, recorded in the journal first so that it survives a restart.</summary>
    public IssuedPeerId? IssueFor(IPAddress subscriber)
    {
        if (Issuer is null)
        {
            return null;
        }

        try
        {
            _journal?.Record(CurrentPeriod(), subscriber);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            NatLog.PeerIdJournalFailed(_logger, subscriber, ex.Message);
        }

        return Issuer.Issue(subscriber);
    }

    /// <summary>The rotation period we are in, counted from the Unix epoch like the issuer's.</summary>
    private long CurrentPeriod() => (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / _period.Ticks;
}

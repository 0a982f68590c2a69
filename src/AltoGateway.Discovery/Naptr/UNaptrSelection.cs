using System.Collections.Immutable;

namespace AltoGateway.Discovery.Naptr;

/// <summary>
/// The records of one NAPTR answer that serve a wanted service parameter (RFC 8686 §3.4, RFC 7286 §3.2):
/// valid ones as <see cref="Targets"/>, lower order first and, within an order, lower preference first
/// (RFC 3403 §4.1; ties keep answer order), and broken ones as <see cref="Rejected"/> so the caller can say why.
/// Records for other services (e.g. "LIS:HELD", RFC 5986 §4) are ignored, not rejected.
/// </summary>
public sealed class UNaptrSelection
{
    private UNaptrSelection(ImmutableArray<UNaptrTarget> targets, ImmutableArray<RejectedNaptr> rejected)
    {
        Targets = targets;
        Rejected = rejected;
    }

    /// <summary>The usable targets, best first.</summary>
    public ImmutableArray<UNaptrTarget> Targets { get; }

    /// <summary>Records with the wanted service that are not valid U-NAPTRs.</summary>
    public ImmutableArray<RejectedNaptr> Rejected { get; }

    /// <summary>
    /// True when some record carried the wanted service (valid or not): RFC 8686 §3.4 stops at such a name.
    /// A record whose services field does not parse counts only if its text names the wanted service tag.
    /// </summary>
    public bool HasWantedService => !Targets.IsEmpty || !Rejected.IsEmpty;

    /// <summary>The URIs in order, what XDOMDISC and the RFC 7286 procedure return.</summary>
    public IEnumerable<Uri> Uris => Targets.Select(t => t.Uri);

    /// <summary>Selects and sorts the records of one answer for <paramref name="wanted"/>.</summary>
    public static UNaptrSelection Select(IEnumerable<NaptrRecord> records, UNaptrServiceParameter wanted)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(wanted);
        var targets = new List<UNaptrTarget>();
        var rejected = ImmutableArray.CreateBuilder<RejectedNaptr>();
        foreach (var record in records)
        {
            if (!IsForService(record, wanted))
            {
                continue;
            }

            if (UNaptrTarget.TryFrom(record, out var target, out var error))
            {
                targets.Add(target);
            }
            else
            {
                rejected.Add(new RejectedNaptr(record, error));
            }
        }

        // OrderBy is stable, so equal (order, preference) pairs keep the order of the answer.
        var sorted = targets.OrderBy(t => t.Order).ThenBy(t => t.Preference).ToImmutableArray();
        return new UNaptrSelection(sorted, rejected.ToImmutable());
    }

    private static bool IsForService(NaptrRecord record, UNaptrServiceParameter wanted)
    {
        if (record is null)
        {
            return false;
        }

        if (UNaptrServiceParameter.TryParse(record.Services, out var service, out _))
        {
            return service.Matches(wanted);
        }

        // A malformed field such as "ALTO:" or "ALTO:ht tps" was meant for us: report it rather than hide it.
        var services = record.Services ?? string.Empty;
        var tagEnd = services.IndexOf(':', StringComparison.Ordinal);
        return tagEnd > 0 && services.AsSpan(0, tagEnd).Equals(wanted.Service, StringComparison.OrdinalIgnoreCase);
    }
}

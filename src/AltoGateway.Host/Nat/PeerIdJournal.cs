using System.Globalization;
using System.Net;

namespace AltoGateway.Host.Nat;

/// <summary>
/// Remembers, in the state folder (<c>peer-ids.journal</c>), which subscribers were issued a peer
/// ID in which rotation period, one line each ("PERIOD-START ADDRESS"), so that after a restart the
/// issuer can recompute exactly those IDs. Lines older than the two periods an ID can be valid in
/// are dropped when the agent starts. A damaged line is skipped (and counted), never fatal.
/// </summary>
internal sealed class PeerIdJournal
{
    public const string FileName = "peer-ids.journal";
    private readonly string _path;
    private readonly Lock _gate = new();
    private readonly HashSet<(long Period, IPAddress Subscriber)> _known = [];

    public PeerIdJournal(string stateDirectory) => _path = Path.Combine(stateDirectory, FileName);

    /// <summary>Lines that could not be read at start.</summary>
    public int SkippedLines { get; private set; }

    /// <summary>Reads the journal, keeps the periods from <paramref name="oldestPeriod"/> on, rewrites it compacted, returns the subscribers.</summary>
    public IReadOnlyList<IPAddress> Load(long oldestPeriod)
    {
        lock (_gate)
        {
            if (File.Exists(_path))
            {
                foreach (var line in File.ReadLines(_path))
                {
                    var space = line.IndexOf(' ', StringComparison.Ordinal);
                    if (space > 0 && long.TryParse(line.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var period)
                        && IPAddress.TryParse(line.AsSpan(space + 1), out var address))
                    {
                        if (period >= oldestPeriod)
                        {
                            _known.Add((period, address));
                        }
                    }
                    else if (line.Length > 0)
                    {
                        SkippedLines++;
                    }
                }
            }

            // Subscriber addresses: readable by the agent's user only. Rewritten whole, then renamed.
            var temporary = _path + ".tmp";
            using (var stream = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
            using (var writer = new StreamWriter(stream))
            {
                foreach (var entry in _known)
                {
                    writer.WriteLine(Format(entry));
                }
            }

            File.Move(temporary, _path, overwrite: true);
            return _known.Select(k => k.Subscriber).Distinct().ToList();
        }
    }

    /// <summary>Records an issuance the first time it happens in a period (before the ID is handed out).</summary>
    public void Record(long period, IPAddress subscriber)
    {
        lock (_gate)
        {
            if (_known.Add((period, subscriber)))
            {
                File.AppendAllLines(_path, [Format((period, subscriber))]);
            }
        }
    }

    private static string Format((long Period, IPAddress Subscriber) entry) =>
        string.Create(CultureInfo.InvariantCulture, $"{entry.Period} {entry.Subscriber}");
}

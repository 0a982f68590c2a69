namespace AltoGateway.EmulatedHardware.Tests;

/// <summary>
/// The emulated board's LED trace file: "SECONDS pattern ROLE PATTERN", "SECONDS level ROLE on|off
/// gpioN=0|1", "SECONDS closed". A test marks where a phase began and reads what came after.
/// </summary>
internal sealed class LedTrace(string path)
{
    public string Path { get; } = path;

    /// <summary>Every line so far, without the time.</summary>
    public IReadOnlyList<string> Events()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..])];
    }

    /// <summary>The events after the first <paramref name="mark"/> ones.</summary>
    public IReadOnlyList<string> Since(int mark) => [.. Events().Skip(mark)];

    /// <summary>The last pattern each role was given in these events.</summary>
    public static Dictionary<string, string> LastPatterns(IEnumerable<string> events) =>
        events.Where(e => e.StartsWith("pattern ", StringComparison.Ordinal)).Select(e => e.Split(' '))
            .GroupBy(p => p[1]).ToDictionary(g => g.Key, g => g.Last()[2], StringComparer.Ordinal);

    /// <summary>Whether <paramref name="expected"/> occur in this order (other events between them).</summary>
    public static bool InOrder(IEnumerable<string> events, params string[] expected)
    {
        var next = 0;
        foreach (var e in events)
        {
            if (next < expected.Length && e == expected[next])
            {
                next++;
            }
        }

        return next == expected.Length;
    }
}

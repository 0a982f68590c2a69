using System.Text.Json;

namespace AltoGateway.Hardware.Boards;

/// <summary>
/// Reads a board definition: one of the boards of <c>hardware/boards/</c> by name (they are built
/// into the agent), or any board file by path. Unreadable, malformed and invalid files are
/// problems, never exceptions.
/// </summary>
public static class BoardFile
{
    private const string ResourcePrefix = "boards/";

    /// <summary>The boards built into the agent, by name.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } =
        [.. typeof(BoardFile).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>Whether the reference names a file (a path or a <c>.json</c> name) rather than a built-in board.</summary>
    public static bool IsPath(string reference) =>
        reference.Contains('/', StringComparison.Ordinal) || reference.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The board a reference names, checked; null with the problems otherwise. A relative path is
    /// read below <paramref name="baseDirectory"/> (the configuration file's folder).
    /// </summary>
    public static BoardDefinition? Load(string reference, string baseDirectory, List<BoardProblem> problems)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentNullException.ThrowIfNull(problems);
        Stream? stream;
        if (IsPath(reference))
        {
            var path = Path.GetFullPath(reference, baseDirectory);
            try
            {
                stream = File.OpenRead(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new(string.Empty, $"cannot read '{path}': {ex.Message}"));
                return null;
            }
        }
        else
        {
            stream = typeof(BoardFile).Assembly.GetManifestResourceStream($"{ResourcePrefix}{reference}.json");
            if (stream is null)
            {
                problems.Add(new(string.Empty, $"'{reference}' is no built-in board ({string.Join(", ", BuiltInNames)}) and no path to a .json board file"));
                return null;
            }
        }

        using (stream)
        {
            return Parse(stream, problems);
        }
    }

    /// <summary>Reads and checks one board file's JSON.</summary>
    public static BoardDefinition? Parse(Stream json, List<BoardProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(problems);
        BoardDefinition? board;
        try
        {
            board = JsonSerializer.Deserialize(json, BoardJsonContext.Default.BoardDefinition);
        }
        catch (JsonException ex)
        {
            problems.Add(new(KeyOf(ex.Path), $"not a board file: {ex.Message}"));
            return null;
        }

        if (board is null)
        {
            problems.Add(new(string.Empty, "not a board file: the JSON is null"));
            return null;
        }

        var found = BoardDefinitionValidator.Validate(board);
        problems.AddRange(found);
        return found.Count == 0 ? board : null;
    }

    /// <summary><c>$.Leds.Power.Line</c> → <c>Leds:Power:Line</c>.</summary>
    private static string KeyOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) ? string.Empty : jsonPath.TrimStart('$', '.').Replace("['", ":", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal).Replace('.', ':');
}

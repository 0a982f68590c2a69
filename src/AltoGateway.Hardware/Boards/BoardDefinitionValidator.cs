using System.Globalization;
using AltoGateway.Hardware.Leds;

namespace AltoGateway.Hardware.Boards;

/// <summary>
/// Checks a board definition: a known driver; for GPIO boards a chip, lines that exist on it and
/// no line used twice; for sysfs boards LED names and no name used twice; every role mapped or
/// explicitly absent; valid polarities. Every problem is reported, by key path.
/// </summary>
public static class BoardDefinitionValidator
{
    public static List<BoardProblem> Validate(BoardDefinition board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var problems = new List<BoardProblem>();
        if (!BoardDrivers.All.Contains(board.Driver, StringComparer.Ordinal))
        {
            problems.Add(new(nameof(board.Driver), $"'{board.Driver}' is not a driver; use {string.Join(", ", BoardDrivers.All)}"));
            return problems;
        }

        var usesLines = board.Driver is BoardDrivers.Gpio or BoardDrivers.Emulated;
        var lines = usesLines ? HeaderLines(board, problems) : [];
        if (usesLines && board.Chip is null && string.IsNullOrEmpty(board.ChipLabel))
        {
            problems.Add(new(nameof(board.Chip), "a GPIO board needs a Chip number (and may name a ChipLabel)"));
        }
        else if (board.Chip is < 0)
        {
            problems.Add(new(nameof(board.Chip), $"{board.Chip} is not a chip number (/dev/gpiochipN, N ≥ 0)"));
        }

        foreach (var key in board.Leds.Keys.Where(k => !LedRoles.TryParse(k, out _)))
        {
            problems.Add(new($"Leds:{key}", $"'{key}' is not a role; the roles are {string.Join(", ", LedRoles.All.Select(Title))}"));
        }

        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in LedRoles.All)
        {
            var key = $"Leds:{Title(role)}";
            var led = board.Leds.FirstOrDefault(p => LedRoles.TryParse(p.Key, out var r) && r == role).Value;
            if (led is null)
            {
                if (board.Driver != BoardDrivers.Console)
                {
                    problems.Add(new(key, "not mapped: give its " + (usesLines ? "Line" : "Name") + " or say \"Absent\": true"));
                }

                continue;
            }

            CheckLed(board, led, key, usesLines, lines, used, problems);
        }

        return problems;
    }

    /// <summary>A role as board files write it: <c>Power</c>.</summary>
    public static string Title(LedRole role) => role.ToString();

    private static void CheckLed(BoardDefinition board, BoardLed led, string key, bool usesLines, HashSet<int> lines, Dictionary<string, string> used, List<BoardProblem> problems)
    {
        if (led.Polarity is not (BoardPolarity.ActiveHigh or BoardPolarity.ActiveLow))
        {
            problems.Add(new($"{key}:Polarity", $"'{led.Polarity}' is not {BoardPolarity.ActiveHigh} or {BoardPolarity.ActiveLow}"));
        }

        if (led.Absent)
        {
            if (led.Line is not null || led.Name is not null)
            {
                problems.Add(new(key, "is Absent but names a Line or Name"));
            }

            return;
        }

        switch (board.Driver)
        {
            case BoardDrivers.Console:
                problems.Add(new(key, "the console board has no LEDs to map; leave Leds out"));
                return;
            case BoardDrivers.Sysfs:
                if (led.Line is not null)
                {
                    problems.Add(new($"{key}:Line", "a sysfs board names its LEDs by Name, not by GPIO line"));
                }

                if (led.Polarity == BoardPolarity.ActiveLow)
                {
                    problems.Add(new($"{key}:Polarity", "the kernel LED class takes the polarity from the device tree; use ActiveHigh"));
                }

                if (!IsLedName(led.Name))
                {
                    problems.Add(new($"{key}:Name", led.Name is null ? "missing: the LED's name under /sys/class/leds" : $"'{led.Name}' is not an LED name (no '/', not '.' or '..')"));
                }
                else if (!used.TryAdd(led.Name!, key))
                {
                    problems.Add(new($"{key}:Name", $"'{led.Name}' is already used by {used[led.Name!]}"));
                }

                return;
        }

        if (led.Name is not null)
        {
            problems.Add(new($"{key}:Name", "a GPIO board names its LEDs by Line, not by Name"));
        }

        if (led.Line is not { } line)
        {
            problems.Add(new($"{key}:Line", "missing: the GPIO line the LED is wired to"));
            return;
        }

        var text = line.ToString(CultureInfo.InvariantCulture);
        if (!lines.Contains(line))
        {
            problems.Add(new($"{key}:Line", $"GPIO {line} does not exist on board '{board.Name}' (its lines: {Ranges(lines)})"));
        }
        else if (!used.TryAdd(text, key))
        {
            problems.Add(new($"{key}:Line", $"GPIO {line} is already used by {used[text]}"));
        }
    }

    private static HashSet<int> HeaderLines(BoardDefinition board, List<BoardProblem> problems)
    {
        var lines = new HashSet<int>();
        if (board.Header.Count == 0)
        {
            problems.Add(new(nameof(board.Header), "a GPIO board lists its usable lines (GPIO number → header pin)"));
        }

        foreach (var (key, pin) in board.Header)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var line))
            {
                problems.Add(new($"Header:{key}", $"'{key}' is not a GPIO line number"));
            }
            else if (pin < 0)
            {
                problems.Add(new($"Header:{key}", $"{pin} is not a header pin (0: none)"));
            }
            else
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static bool IsLedName(string? name) =>
        !string.IsNullOrEmpty(name) && name is not ("." or "..") && !name.Contains('/', StringComparison.Ordinal) && !name.Contains('\0', StringComparison.Ordinal);

    /// <summary>2-27 rather than 26 numbers.</summary>
    private static string Ranges(HashSet<int> lines)
    {
        var sorted = lines.Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}

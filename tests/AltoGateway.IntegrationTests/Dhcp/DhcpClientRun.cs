namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// What one run of a real DHCP client did: its exit status and output, and every call of its hook script
/// with the variables the client gave the script (dhclient and dhcpcd name the event in <c>reason</c>,
/// udhcpc in its first argument).
/// </summary>
internal sealed record DhcpClientRun(string Client, int Exit, string Output, IReadOnlyList<DhcpHookEvent> Events)
{
    /// <summary>The last hook call with one of <paramref name="reasons"/>; fails the test with everything the client said when there is none.</summary>
    public DhcpHookEvent Last(params string[] reasons) =>
        Events.LastOrDefault(e => reasons.Contains(e.Reason, StringComparer.Ordinal))
        ?? throw new Xunit.Sdk.XunitException(
            $"{Client} never called its hook with {string.Join(" or ", reasons)} (exit {Exit}); hook calls: "
            + $"{string.Join(", ", Events.Select(e => e.Reason))}\n{Output}");
}

/// <summary>One call of a DHCP client's hook script.</summary>
internal sealed record DhcpHookEvent(string Reason, IReadOnlyDictionary<string, string> Variables)
{
    /// <summary>A variable the hook got; fails the test with the ones it did get when it is missing.</summary>
    public string this[string name] => Variables.TryGetValue(name, out var value)
        ? value
        : throw new Xunit.Sdk.XunitException(
            $"the {Reason} hook call has no {name}; it has: {string.Join(", ", Variables.Keys.Order(StringComparer.Ordinal))}");

    /// <summary>Reads the file the hook script appends to: blocks that start with "==event REASON", then env lines.</summary>
    public static IReadOnlyList<DhcpHookEvent> Parse(string text)
    {
        var events = new List<DhcpHookEvent>();
        string? reason = null;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("==event ", StringComparison.Ordinal))
            {
                Flush();
                reason = line["==event ".Length..].Trim();
                variables = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (reason is not null && line.IndexOf('=', StringComparison.Ordinal) is > 0 and var eq)
            {
                variables[line[..eq]] = line[(eq + 1)..];
            }
        }

        Flush();
        return events;

        void Flush()
        {
            if (reason is not null)
            {
                events.Add(new DhcpHookEvent(reason, variables));
            }
        }
    }
}

namespace AltoGateway.Hardware.Boards;

/// <summary>One thing wrong with a board file, named by its key path inside the file (<c>Leds:Power:Line</c>).</summary>
public sealed record BoardProblem(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}

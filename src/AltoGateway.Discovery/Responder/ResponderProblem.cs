namespace AltoGateway.Discovery.Responder;

/// <summary>
/// One reason the settings make no zone set: <see cref="Setting"/> names the <see cref="ResponderSettings"/>
/// property, with the list index where there is one ("ReversePrefixes:2"), or is empty for the whole.
/// </summary>
public sealed record ResponderProblem(string Setting, string Message)
{
    /// <summary>"Setting: message".</summary>
    public override string ToString() => Setting.Length == 0 ? Message : $"{Setting}: {Message}";
}

namespace AltoGateway.Host.Configuration;

/// <summary>One thing wrong with the configuration, named by its key path (e.g. <c>Http:Lan:Urls:0</c>).</summary>
internal sealed record ConfigurationProblem(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}

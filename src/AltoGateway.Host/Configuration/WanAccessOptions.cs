namespace AltoGateway.Host.Configuration;

/// <summary>
/// The <c>Http:Wan:Access</c> section: who may call the WAN listeners (everything there but
/// <c>GET /healthz</c>) and how often.
/// </summary>
internal sealed class WanAccessOptions
{
    public WanAccessMode Mode { get; set; } = WanAccessMode.Open;

    /// <summary>Bearer tokens, each with the name logs, metrics and rate limits know the tracker by.</summary>
    public IList<WanTokenOptions> Tokens { get; set; } = [];

    /// <summary>
    /// A file of more tokens, one <c>name token</c> a line (<c>#</c> starts a comment), so that
    /// secrets need not sit in the main configuration; expected mode 0600. Relative to the
    /// directory of the configuration file.
    /// </summary>
    public string TokenFile { get; set; } = string.Empty;

    public WanRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>True when a token is configured inline or through a file.</summary>
    public bool HasTokens => Tokens.Count > 0 || TokenFile.Length > 0;
}

/// <summary>How a tracker proves who it is on the WAN listeners.</summary>
internal enum WanAccessMode
{
    /// <summary>Anyone, identified by the remote IP address: for testing and closed networks only.</summary>
    Open,

    /// <summary><c>Authorization: Bearer TOKEN</c> (RFC 6750) with a configured token.</summary>
    Token,

    /// <summary>A TLS client certificate from a CA of <c>Http:Wan:Tls:ClientCaFile</c>.</summary>
    ClientCertificate,

    /// <summary>Either; a token that is sent must be valid.</summary>
    TokenOrClientCertificate,
}

/// <summary>One bearer token: <c>{ "Name": "tracker-a", "Token": "…" }</c>.</summary>
internal sealed class WanTokenOptions
{
    public string Name { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;
}

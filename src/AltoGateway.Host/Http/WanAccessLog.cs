using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Http;

/// <summary>Log messages of WAN access control. Event ids 4900-4999 (see README, "Logs"). Tokens are never logged.</summary>
internal static partial class WanAccessLog
{
    [LoggerMessage(4900, LogLevel.Information, "WAN access: mode {Mode}, {Tokens} bearer tokens, TLS client certificates {ClientCertificates}; {RequestsPerSecond} requests/s (burst {Burst}) per client, at most {MaxClients} clients")]
    public static partial void Configured(ILogger logger, string mode, int tokens, string clientCertificates, double requestsPerSecond, int burst, int maxClients);

    [LoggerMessage(4901, LogLevel.Warning, "WAN access is Open: anyone who reaches {Urls} may call, identified by IP address only; meant for testing (set Http:Wan:Access:Mode)")]
    public static partial void OpenToTheWorld(ILogger logger, string urls);

    [LoggerMessage(4902, LogLevel.Warning, "{Key}: {Problem}")]
    public static partial void ConfigurationWarning(ILogger logger, string key, string problem);

    [LoggerMessage(4910, LogLevel.Warning, "WAN request refused ({Reason}, HTTP {Status}) from {Client}: {Method} {Path}{Suppressed}")]
    public static partial void Refused(ILogger logger, string reason, int status, string client, string method, string path, string suppressed);

    [LoggerMessage(4911, LogLevel.Warning, "WAN TLS client certificate '{Subject}' (issuer '{Issuer}') refused: {Reason}{Suppressed}")]
    public static partial void CertificateRefused(ILogger logger, string subject, string issuer, string reason, string suppressed);
}

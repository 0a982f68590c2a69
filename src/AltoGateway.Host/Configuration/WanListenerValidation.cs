using System.ComponentModel.DataAnnotations;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// The shape of <c>Http:Wan:Tls</c> and <c>Http:Wan:Access</c>, keyed below <c>Http</c>; the files
/// they name are read by <see cref="WanCredentialFiles"/>.
/// </summary>
internal static class WanListenerValidation
{
    public static IEnumerable<ValidationResult> Validate(ListenerOptions lan, ListenerOptions wan, IReadOnlyList<ListenerEndpoint> endpoints)
    {
        // LAN clients are the subscribers' own peers, which find the agent through DHCP and RFC 7286
        // discovery by IP address: no certificate names such a listener, and they need no account.
        foreach (var (value, key) in new (object?, string)[] { (lan.Tls, "Lan:Tls"), (lan.Access, "Lan:Access") })
        {
            if (value is not null)
            {
                yield return new ValidationResult("TLS and access control are for the WAN listeners only (Http:Wan)", [key]);
            }
        }

        if (!wan.Enabled)
        {
            yield break;
        }

        var tls = wan.Tls ?? new WanTlsOptions();
        var access = wan.Access ?? new WanAccessOptions();
        var https = endpoints.FirstOrDefault(e => e.IsHttps);
        if (https is not null)
        {
            foreach (var (value, key) in new[] { (tls.CertificateFile, "CertificateFile"), (tls.KeyFile, "KeyFile") })
            {
                if (value.Length == 0)
                {
                    yield return new ValidationResult($"is required for the https listener '{https.Url}'", [$"Wan:Tls:{key}"]);
                }
            }
        }
        else if (tls.IsConfigured)
        {
            yield return new ValidationResult("is set but no Http:Wan:Urls entry is https://, so TLS would not be used", ["Wan:Tls"]);
        }

        if (!Enum.IsDefined(tls.ClientCertificates))
        {
            yield return new ValidationResult($"'{tls.ClientCertificates}' is not one of {string.Join(", ", Enum.GetNames<WanClientCertificates>())}", ["Wan:Tls:ClientCertificates"]);
        }
        else if (tls.ClientCertificates != WanClientCertificates.None && tls.ClientCaFile.Length == 0)
        {
            yield return new ValidationResult($"is required when ClientCertificates is {tls.ClientCertificates}: client certificates are checked against these CAs only", ["Wan:Tls:ClientCaFile"]);
        }
        else if (tls.ClientCertificates == WanClientCertificates.None && tls.ClientCaFile.Length > 0)
        {
            yield return new ValidationResult("is set but ClientCertificates is None; set ClientCertificates to Optional or Required", ["Wan:Tls:ClientCaFile"]);
        }

        foreach (var result in ValidateMode(tls, access, endpoints).Concat(ValidateTokens(access)).Concat(ValidateRateLimits(access.RateLimit)))
        {
            yield return result;
        }
    }

    private static IEnumerable<ValidationResult> ValidateMode(WanTlsOptions tls, WanAccessOptions access, IReadOnlyList<ListenerEndpoint> endpoints)
    {
        string[] key = ["Wan:Access:Mode"];
        var mode = access.Mode;
        if (!Enum.IsDefined(mode))
        {
            yield return new ValidationResult($"'{mode}' is not one of {string.Join(", ", Enum.GetNames<WanAccessMode>())}", key);
            yield break;
        }

        var usesCertificates = mode is WanAccessMode.ClientCertificate or WanAccessMode.TokenOrClientCertificate;
        if (usesCertificates && tls.ClientCertificates == WanClientCertificates.None)
        {
            yield return new ValidationResult($"{mode} needs Http:Wan:Tls:ClientCertificates Optional or Required (and https:// listeners)", key);
        }

        if (mode == WanAccessMode.ClientCertificate && endpoints.FirstOrDefault(e => !e.IsHttps) is { } plain)
        {
            yield return new ValidationResult($"ClientCertificate needs every WAN listener to be https://, and '{plain.Url}' is not", key);
        }

        if (access.HasTokens && mode is WanAccessMode.Open or WanAccessMode.ClientCertificate)
        {
            yield return new ValidationResult($"is {mode}, which ignores the tokens configured; set Mode to Token or TokenOrClientCertificate", key);
        }
    }

    private static IEnumerable<ValidationResult> ValidateTokens(WanAccessOptions access)
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < access.Tokens.Count; i++)
        {
            var entry = access.Tokens[i];
            var key = $"Wan:Access:Tokens:{i}";
            if (WanTokenRules.NameProblem(entry.Name) is { } nameProblem)
            {
                yield return new ValidationResult(nameProblem, [$"{key}:Name"]);
            }
            else if (!names.TryAdd(entry.Name, i))
            {
                yield return new ValidationResult($"'{entry.Name}' is already the name of Tokens:{names[entry.Name]}", [$"{key}:Name"]);
            }

            if (WanTokenRules.TokenProblem(entry.Token) is { } tokenProblem)
            {
                yield return new ValidationResult(tokenProblem, [$"{key}:Token"]);
            }
            else if (!tokens.TryAdd(entry.Token, i))
            {
                yield return new ValidationResult($"is the token of Tokens:{tokens[entry.Token]} too; every tracker needs a token of its own", [$"{key}:Token"]);
            }
        }
    }

    /// <summary>The common limit and each tracker's own (checked here: the options validator would key nested members by their name only).</summary>
    private static IEnumerable<ValidationResult> ValidateRateLimits(WanRateLimitOptions rateLimit)
    {
        const string key = "Wan:Access:RateLimit";
        var limits = new List<(string Key, double? RequestsPerSecond, int? Burst)> { (key, rateLimit.RequestsPerSecond, rateLimit.Burst) };
        limits.AddRange(rateLimit.Clients.Select(c => ($"{key}:Clients:{c.Key}", c.Value.RequestsPerSecond, c.Value.Burst)));
        foreach (var (where, rate, burst) in limits)
        {
            if (rate is { } perSecond && !(perSecond is >= WanRateLimitOptions.MinRequestsPerSecond and <= WanRateLimitOptions.MaxRequestsPerSecond)) // NaN too
            {
                yield return new ValidationResult($"must be between {WanRateLimitOptions.MinRequestsPerSecond} and {WanRateLimitOptions.MaxRequestsPerSecond}", [$"{where}:RequestsPerSecond"]);
            }

            if (burst is < 1 or > WanRateLimitOptions.MaxBurst)
            {
                yield return new ValidationResult($"must be between 1 and {WanRateLimitOptions.MaxBurst}", [$"{where}:Burst"]);
            }
        }

        if (rateLimit.MaxClients is < 1 or > WanRateLimitOptions.MaxMaxClients)
        {
            yield return new ValidationResult($"must be between 1 and {WanRateLimitOptions.MaxMaxClients}", [$"{key}:MaxClients"]);
        }
    }
}

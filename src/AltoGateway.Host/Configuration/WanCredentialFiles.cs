using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// Reads the files <c>Http:Wan</c> names (server certificate and key, client CA bundle, token
/// file) for check-config, which reports every problem by its key, and for the agent. Relative
/// paths are below the configuration file's directory (<see cref="ConfigurationFileDirectory"/>).
/// </summary>
internal static class WanCredentialFiles
{
    private const string TlsKey = "Http:Wan:Tls";
    private const string TokenFileKey = "Http:Wan:Access:TokenFile";
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>check-config: adds the problems of every file; nothing when the section does not bind.</summary>
    public static void Check(IConfiguration configuration, List<ConfigurationProblem> problems)
    {
        if (TryBind(configuration) is { } wan)
        {
            Dispose(Read(wan, ConfigurationFileDirectory.Of(configuration), problems, []));
        }
    }

    /// <summary>What is allowed but unwise (a token file others can read, Token mode without tokens).</summary>
    public static List<ConfigurationProblem> Warnings(IConfiguration configuration)
    {
        var warnings = new List<ConfigurationProblem>();
        if (TryBind(configuration) is { } wan)
        {
            Dispose(Read(wan, ConfigurationFileDirectory.Of(configuration), [], warnings));
        }

        return warnings;
    }

    /// <summary>The agent: the credentials of a configuration that passed check-config, and its warnings.</summary>
    public static WanCredentials Load(IConfiguration configuration, ListenerOptions wan, List<ConfigurationProblem> warnings)
    {
        var problems = new List<ConfigurationProblem>();
        var credentials = Read(wan, ConfigurationFileDirectory.Of(configuration), problems, warnings);
        if (problems.Count > 0)
        {
            // The files changed between check-config and now.
            Dispose(credentials);
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        return credentials;
    }

    private static ListenerOptions? TryBind(IConfiguration configuration)
    {
        try
        {
            var wan = configuration.GetSection(HttpOptions.SectionName).Get<HttpOptions>()?.Wan ?? new ListenerOptions();
            return wan.Enabled ? wan : null;
        }
        catch (InvalidOperationException)
        {
            return null; // a value that does not convert, reported by the section's own check
        }
    }

    private static WanCredentials Read(ListenerOptions wan, string directory, List<ConfigurationProblem> problems, List<ConfigurationProblem> warnings)
    {
        var tls = wan.Tls ?? new WanTlsOptions();
        var access = wan.Access ?? new WanAccessOptions();
        var (server, chain) = tls.CertificateFile.Length > 0 && tls.KeyFile.Length > 0
            ? ReadServerCertificate(Path.GetFullPath(tls.CertificateFile, directory), Path.GetFullPath(tls.KeyFile, directory), problems)
            : (null, []);
        var roots = tls.ClientCaFile.Length > 0 && tls.ClientCertificates != WanClientCertificates.None
            ? ReadCertificates(Path.GetFullPath(tls.ClientCaFile, directory), $"{TlsKey}:ClientCaFile", problems)
            : [];
        var tokens = new TokenSet();
        for (var i = 0; i < access.Tokens.Count; i++)
        {
            // Problems of inline tokens are the section validator's to report.
            _ = tokens.TryAdd(access.Tokens[i].Name, access.Tokens[i].Token, $"Tokens:{i.ToString(CultureInfo.InvariantCulture)}");
        }

        if (access.TokenFile.Length > 0)
        {
            ReadTokenFile(Path.GetFullPath(access.TokenFile, directory), tokens, problems, warnings);
        }

        if (access.Mode == WanAccessMode.Token && tokens.List.Count == 0 && access.TokenFile.Length > 0)
        {
            warnings.Add(new ConfigurationProblem(TokenFileKey, "holds no token, so every WAN request but GET /healthz is refused"));
        }

        WarnOfPlainTokens(wan, access.Mode, warnings);
        return new WanCredentials(server, chain, roots, tokens.List);
    }

    /// <summary>RFC 6750 §5.3: bearer tokens are only as secret as the connection that carries them.</summary>
    private static void WarnOfPlainTokens(ListenerOptions wan, WanAccessMode mode, List<ConfigurationProblem> warnings)
    {
        if (mode is not (WanAccessMode.Token or WanAccessMode.TokenOrClientCertificate))
        {
            return;
        }

        for (var i = 0; i < wan.Urls.Count; i++)
        {
            if (ListenerEndpoint.TryParse(wan.Urls[i], allowHttps: true, out var endpoint, out _) && !endpoint!.IsHttps && !endpoint.IsLoopbackOnly)
            {
                warnings.Add(new ConfigurationProblem($"Http:Wan:Urls:{i.ToString(CultureInfo.InvariantCulture)}",
                    $"'{endpoint.Url}' is http://, so bearer tokens cross the network readable (RFC 6750 §5.3 wants TLS); use https:// (Http:Wan:Tls)"));
            }
        }
    }

    private static (X509Certificate2? Certificate, X509Certificate2Collection Chain) ReadServerCertificate(string certificateFile, string keyFile, List<ConfigurationProblem> problems)
    {
        var certificates = ReadCertificates(certificateFile, $"{TlsKey}:CertificateFile", problems);
        if (certificates.Count == 0 || !Readable(keyFile, $"{TlsKey}:KeyFile", problems))
        {
            Dispose(certificates);
            return (null, []);
        }

        try
        {
            // The first certificate is the server's; the ones after it are its intermediates.
            var certificate = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
            certificates[0].Dispose();
            certificates.RemoveAt(0);
            return (certificate, certificates);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            // ArgumentException: a key, but of another certificate.
            problems.Add(new ConfigurationProblem($"{TlsKey}:KeyFile", $"'{keyFile}' holds no unencrypted private key of the certificate in '{certificateFile}': {ex.Message}"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ConfigurationProblem($"{TlsKey}:KeyFile", $"'{keyFile}' cannot be read: {ex.Message}"));
        }

        Dispose(certificates);
        return (null, []);
    }

    private static X509Certificate2Collection ReadCertificates(string file, string key, List<ConfigurationProblem> problems)
    {
        var certificates = new X509Certificate2Collection();
        if (!Readable(file, key, problems))
        {
            return certificates;
        }

        try
        {
            certificates.ImportFromPemFile(file);
        }
        catch (CryptographicException ex)
        {
            problems.Add(new ConfigurationProblem(key, $"'{file}' is not a PEM certificate file: {ex.Message}"));
            return certificates;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ConfigurationProblem(key, $"'{file}' cannot be read: {ex.Message}"));
            return certificates;
        }

        if (certificates.Count == 0)
        {
            problems.Add(new ConfigurationProblem(key, $"'{file}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)"));
        }

        return certificates;
    }

    /// <summary>One <c>name token</c> a line; blank lines and <c>#</c> comments are skipped. Lines are never quoted: they hold secrets.</summary>
    private static void ReadTokenFile(string file, TokenSet tokens, List<ConfigurationProblem> problems, List<ConfigurationProblem> warnings)
    {
        if (!Readable(file, TokenFileKey, problems))
        {
            return;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
            var mode = File.GetUnixFileMode(file);
            if ((mode & GroupOrOther) != 0)
            {
                warnings.Add(new ConfigurationProblem(TokenFileKey,
                    $"'{file}' is open to its group or others (mode {Convert.ToString((int)mode, 8).PadLeft(4, '0')}); chmod 0600 it"));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ConfigurationProblem(TokenFileKey, $"'{file}' cannot be read: {ex.Message}"));
            return;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var where = $"line {(i + 1).ToString(CultureInfo.InvariantCulture)}";
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var problem = parts.Length == 2 ? tokens.TryAdd(parts[0], parts[1], where) : "expected 'name token'";
            if (problem is not null)
            {
                problems.Add(new ConfigurationProblem(TokenFileKey, $"'{file}' {where}: {problem}"));
            }
        }
    }

    private static bool Readable(string file, string key, List<ConfigurationProblem> problems)
    {
        if (File.Exists(file))
        {
            return true;
        }

        problems.Add(new ConfigurationProblem(key, $"'{file}' does not exist"));
        return false;
    }

    private static void Dispose(WanCredentials credentials)
    {
        credentials.ServerCertificate?.Dispose();
        Dispose(credentials.ServerChain);
        Dispose(credentials.ClientRoots);
    }

    private static void Dispose(X509Certificate2Collection certificates)
    {
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }
    }

    /// <summary>Tokens with unique names and unique secrets, remembering where each came from.</summary>
    private sealed class TokenSet
    {
        private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);

        public List<WanTokenOptions> List { get; } = [];

        /// <summary>Adds the token, or says why not (without quoting the token).</summary>
        public string? TryAdd(string name, string token, string where)
        {
            var problem = WanTokenRules.NameProblem(name) is { } badName ? $"name {badName}"
                : WanTokenRules.TokenProblem(token) is { } badToken ? $"token {badToken}"
                : _names.TryGetValue(name, out var named) ? $"'{name}' is already the name of {named}"
                : _secrets.TryGetValue(token, out var used) ? $"the token is the one of {used} too; every tracker needs a token of its own"
                : null;
            if (problem is null)
            {
                _names[name] = where;
                _secrets[token] = where;
                List.Add(new WanTokenOptions { Name = name, Token = token });
            }

            return problem;
        }
    }
}

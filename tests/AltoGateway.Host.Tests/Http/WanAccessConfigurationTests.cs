using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AltoGateway.Host.Cli;
using AltoGateway.Host.Configuration;

namespace AltoGateway.Host.Tests.Http;

/// <summary>check-config on Http:Wan:Tls and Http:Wan:Access: every problem with its key path, files included.</summary>
public sealed class WanAccessConfigurationTests : IDisposable
{
    private const string Token = "tracker-a-token-0123456789abcdefghijklmnop";
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-wan-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_complete_https_configuration_with_relative_file_names_passes()
    {
        WriteServerCertificate("server.pem", "server.key");
        WriteServerCertificate("ca.pem", "ca.key");
        WriteTokens("tokens", UnixFileMode.UserRead | UnixFileMode.UserWrite, $"# trackers\n\ntracker-b {Token}b\n");

        var problems = Check("""
            {"Http":{"Wan":{"Urls":["https://127.0.0.1:7443","http://127.0.0.1:7286"],
              "Tls":{"CertificateFile":"server.pem","KeyFile":"server.key","ClientCertificates":"Optional","ClientCaFile":"ca.pem"},
              "Access":{"Mode":"TokenOrClientCertificate","Tokens":[{"Name":"tracker-a","Token":"TOKEN"}],"TokenFile":"tokens",
                        "RateLimit":{"RequestsPerSecond":5,"Burst":10,"MaxClients":100,"Clients":{"tracker-a":{"Burst":50}}}}}}}
            """, out var configuration);

        Assert.Empty(problems);
        Assert.Empty(WanCredentialFiles.Warnings(configuration!));
    }

    [Fact]
    public void Https_is_for_the_wan_only_and_needs_a_certificate_and_key()
    {
        var problems = Check("""
            {"Http":{"Lan":{"Urls":["https://127.0.0.1:7443"],"Access":{"Mode":"Token"}},
                     "Wan":{"Urls":["https://127.0.0.1:7444"]}}}
            """, out _);

        Assert.Equal(
            [
                "Http:Lan:Urls:0: 'https://127.0.0.1:7443': https listeners are not supported yet on the LAN; use http:// (only Http:Wan:Urls may be https://)",
                "Http:Lan:Access: TLS and access control are for the WAN listeners only (Http:Wan)",
                "Http:Wan:Tls:CertificateFile: is required for the https listener 'https://127.0.0.1:7444'",
                "Http:Wan:Tls:KeyFile: is required for the https listener 'https://127.0.0.1:7444'",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Missing_unreadable_and_mismatched_files_are_named_by_their_key()
    {
        WriteServerCertificate("server.pem", "server.key");
        WriteServerCertificate("other.pem", "other.key");
        File.WriteAllText(Path.Combine(_folder, "not-pem.txt"), "hello");

        var mismatched = Check(Tls("server.pem", "other.key", "not-pem.txt"), out _);
        var missing = Check(Tls("absent.pem", "absent.key", "absent-ca.pem"), out _);

        Assert.Equal(2, mismatched.Count);
        Assert.Equal("Http:Wan:Tls:KeyFile", mismatched[0].Key);
        Assert.StartsWith($"'{_folder}/other.key' holds no unencrypted private key of the certificate in '{_folder}/server.pem': ", mismatched[0].Message, StringComparison.Ordinal);
        Assert.Equal($"Http:Wan:Tls:ClientCaFile: '{_folder}/not-pem.txt' holds no PEM certificate (-----BEGIN CERTIFICATE-----)", mismatched[1].ToString());
        Assert.Equal(
            [
                $"Http:Wan:Tls:CertificateFile: '{_folder}/absent.pem' does not exist",
                $"Http:Wan:Tls:ClientCaFile: '{_folder}/absent-ca.pem' does not exist",
            ],
            missing.Select(p => p.ToString()));
    }

    [Fact]
    public void Tls_settings_must_fit_together_and_fit_the_mode()
    {
        var withoutHttps = Check("""{"Http":{"Wan":{"Tls":{"ClientCertificates":"Required"},"Access":{"Mode":"ClientCertificate"}}}}""", out _);
        var caWithoutCertificates = Check("""{"Http":{"Wan":{"Urls":["https://127.0.0.1:7443"],"Tls":{"CertificateFile":"/x","KeyFile":"/y","ClientCaFile":"/z"},"Access":{"Mode":"TokenOrClientCertificate"}}}}""", out _);

        Assert.Equal(
            [
                "Http:Wan:Tls: is set but no Http:Wan:Urls entry is https://, so TLS would not be used",
                "Http:Wan:Tls:ClientCaFile: is required when ClientCertificates is Required: client certificates are checked against these CAs only",
                "Http:Wan:Access:Mode: ClientCertificate needs every WAN listener to be https://, and 'http://127.0.0.1:7286' is not",
            ],
            withoutHttps.Select(p => p.ToString()));
        Assert.Equal(
            [
                "Http:Wan:Tls:ClientCaFile: is set but ClientCertificates is None; set ClientCertificates to Optional or Required",
                "Http:Wan:Access:Mode: TokenOrClientCertificate needs Http:Wan:Tls:ClientCertificates Optional or Required (and https:// listeners)",
                "Http:Wan:Tls:CertificateFile: '/x' does not exist",
            ],
            caWithoutCertificates.Select(p => p.ToString()));
    }

    [Fact]
    public void Tokens_are_checked_without_ever_being_quoted()
    {
        var problems = Check("""
            {"Http":{"Wan":{"Access":{"Mode":"Token","Tokens":[
              {"Name":"tracker-a","Token":"short-secret"},
              {"Name":"tracker a","Token":"TOKEN"},
              {"Name":"Tracker-A","Token":"TOKEN"},
              {"Name":"tracker-d","Token":"TOKEN!"},
              {"Name":"","Token":""}]}}}}
            """, out _);

        Assert.Equal(
            [
                "Http:Wan:Access:Tokens:0:Token: is 12 characters; a token needs at least 32 (e.g. openssl rand -base64 33)",
                "Http:Wan:Access:Tokens:1:Name: 'tracker a' is not a name: 1-64 characters of A-Z a-z 0-9 - _ . @",
                "Http:Wan:Access:Tokens:2:Name: 'Tracker-A' is already the name of Tokens:0",
                "Http:Wan:Access:Tokens:2:Token: is the token of Tokens:1 too; every tracker needs a token of its own",
                "Http:Wan:Access:Tokens:3:Token: may hold only A-Z a-z 0-9 - . _ ~ + / and trailing = (an RFC 6750 b64token)",
                "Http:Wan:Access:Tokens:4:Name: is required",
                "Http:Wan:Access:Tokens:4:Token: is required",
            ],
            problems.Select(p => p.ToString()));
        Assert.DoesNotContain(problems, p => p.Message.Contains("short-secret", StringComparison.Ordinal) || p.Message.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public void Tokens_in_an_open_configuration_are_a_mistake_worth_stopping_for()
    {
        var problems = Check("""{"Http":{"Wan":{"Access":{"Tokens":[{"Name":"tracker-a","Token":"TOKEN"}]}}}}""", out _);

        Assert.Equal(["Http:Wan:Access:Mode: is Open, which ignores the tokens configured; set Mode to Token or TokenOrClientCertificate"], problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_token_file_is_checked_line_by_line_and_a_file_others_can_read_is_warned_about()
    {
        WriteTokens("tokens", UnixFileMode.UserRead | UnixFileMode.UserWrite,
            $"tracker-b {Token}b\nonly-a-name\ntracker-a {Token}c\ntracker-c {Token}\ntracker-d secret\n");

        var problems = Check("""{"Http":{"Wan":{"Access":{"Mode":"Token","Tokens":[{"Name":"tracker-a","Token":"TOKEN"}],"TokenFile":"tokens"}}}}""", out _);
        WriteTokens("open-tokens", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, $"tracker-b {Token}\n");
        var warnings = WanCredentialFiles.Warnings(Load("""{"Http":{"Wan":{"Access":{"Mode":"Token","TokenFile":"open-tokens"}}}}"""));

        var file = Path.Combine(_folder, "tokens");
        Assert.Equal(
            [
                $"Http:Wan:Access:TokenFile: '{file}' line 2: expected 'name token'",
                $"Http:Wan:Access:TokenFile: '{file}' line 3: 'tracker-a' is already the name of Tokens:0",
                $"Http:Wan:Access:TokenFile: '{file}' line 4: the token is the one of Tokens:0 too; every tracker needs a token of its own",
                $"Http:Wan:Access:TokenFile: '{file}' line 5: token is 6 characters; a token needs at least 32 (e.g. openssl rand -base64 33)",
            ],
            problems.Select(p => p.ToString()));
        Assert.Equal([$"Http:Wan:Access:TokenFile: '{_folder}/open-tokens' is open to its group or others (mode 0644); chmod 0600 it"], warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void A_token_mode_whose_token_file_is_empty_is_warned_about_and_a_missing_one_is_a_problem()
    {
        WriteTokens("empty", UnixFileMode.UserRead | UnixFileMode.UserWrite, "# nobody yet\n");

        var warnings = WanCredentialFiles.Warnings(Load("""{"Http":{"Wan":{"Access":{"Mode":"Token","TokenFile":"empty"}}}}"""));
        var problems = Check("""{"Http":{"Wan":{"Access":{"Mode":"Token","TokenFile":"absent"}}}}""", out _);

        Assert.Equal(["Http:Wan:Access:TokenFile: holds no token, so every WAN request but GET /healthz is refused"], warnings.Select(w => w.ToString()));
        Assert.Equal([$"Http:Wan:Access:TokenFile: '{_folder}/absent' does not exist"], problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Check_config_says_configuration_ok_and_then_prints_each_warning()
    {
        WriteTokens("open-tokens", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, $"tracker-b {Token}\n");
        var path = Path.Combine(_folder, "warned.json");
        File.WriteAllText(path, """{"Http":{"Wan":{"Access":{"Mode":"Token","TokenFile":"open-tokens"}}}}""");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = CheckConfigVerb.Run(new FileInfo(path), output, error);

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                $"configuration OK (embedded default, {path}, ALTOGW__* environment)",
                $"warning: Http:Wan:Access:TokenFile: '{_folder}/open-tokens' is open to its group or others (mode 0644); chmod 0600 it",
            ],
            output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void Rate_limits_are_checked_with_their_key_paths()
    {
        var problems = Check("""
            {"Http":{"Wan":{"Access":{"RateLimit":{"RequestsPerSecond":0,"Burst":0,"MaxClients":0,
              "Clients":{"tracker-a":{"RequestsPerSecond":-1,"Burst":2000000},"tracker-b":{"RequestsPerSecond":"NaN"}}}}}}}
            """, out _);
        var unknown = Check("""{"Http":{"Wan":{"Access":{"Mode":"Token","Tokenz":[]}}}}""", out _);
        var badMode = Check("""{"Http":{"Wan":{"Access":{"Mode":"Password"}}}}""", out _);

        Assert.Equal(
            [
                "Http:Wan:Access:RateLimit:RequestsPerSecond: must be between 0.0001 and 1000000",
                "Http:Wan:Access:RateLimit:Burst: must be between 1 and 1000000",
                "Http:Wan:Access:RateLimit:Clients:tracker-a:RequestsPerSecond: must be between 0.0001 and 1000000",
                "Http:Wan:Access:RateLimit:Clients:tracker-a:Burst: must be between 1 and 1000000",
                "Http:Wan:Access:RateLimit:Clients:tracker-b:RequestsPerSecond: must be between 0.0001 and 1000000",
                "Http:Wan:Access:RateLimit:MaxClients: must be between 1 and 10000000",
            ],
            problems.Select(p => p.ToString()));
        Assert.Equal(["Http: unknown key(s) 'Tokenz' in this section or one of its objects"], unknown.Select(p => p.ToString()));
        Assert.Equal(["Http:Wan:Access:Mode: 'Password' cannot be read as AltoGateway.Host.Configuration.WanAccessMode"], badMode.Select(p => p.ToString()));
    }

    private static string Tls(string certificate, string key, string ca) => """
        {"Http":{"Wan":{"Urls":["https://127.0.0.1:7443"],
          "Tls":{"CertificateFile":"CERTIFICATE","KeyFile":"KEY","ClientCertificates":"Required","ClientCaFile":"CA"},
          "Access":{"Mode":"ClientCertificate"}}}}
        """.Replace("CERTIFICATE", certificate, StringComparison.Ordinal).Replace("KEY", key, StringComparison.Ordinal).Replace("\"CA\"", $"\"{ca}\"", StringComparison.Ordinal);

    private List<ConfigurationProblem> Check(string json, out Microsoft.Extensions.Configuration.IConfigurationRoot? configuration)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json.Replace("TOKEN", Token, StringComparison.Ordinal));
        return CheckConfigVerb.LoadAndCheck(path, out configuration);
    }

    private Microsoft.Extensions.Configuration.IConfigurationRoot Load(string json)
    {
        Assert.Empty(Check(json, out var configuration));
        return configuration!;
    }

    private void WriteTokens(string name, UnixFileMode mode, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, mode);
    }

    private void WriteServerCertificate(string certificateFile, string keyFile)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(_folder, certificateFile), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_folder, keyFile), key.ExportPkcs8PrivateKeyPem());
    }
}

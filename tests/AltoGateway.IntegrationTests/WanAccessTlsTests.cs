using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests;

/// <summary>
/// A test CA that issues the agent's server certificate and the trackers' client certificates,
/// and a second CA the agent does not trust, all made here and written as PEM files.
/// </summary>
public sealed class WanTestPki : IDisposable
{
    private static readonly DateTimeOffset NotBefore = DateTimeOffset.UtcNow.AddHours(-1);
    private static readonly DateTimeOffset NotAfter = DateTimeOffset.UtcNow.AddDays(2);

    public WanTestPki(string folder)
    {
        Folder = folder;
        TrustedCa = Authority("CN=AltoGateway Test Tracker CA");
        OtherCa = Authority("CN=Somebody Else's CA");
        Server = Issue(TrustedCa, "CN=127.0.0.1", serverAuth: true);
        Tracker = Issue(TrustedCa, "CN=tracker-c, O=Example Trackers", serverAuth: false);
        Intruder = Issue(OtherCa, "CN=tracker-c", serverAuth: false);
        Write("ca.pem", TrustedCa.ExportCertificatePem());
        Write("server.pem", Server.ExportCertificatePem());
        Write("server.key", Server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        Write("tracker.pem", Tracker.ExportCertificatePem());
        Write("tracker.key", Tracker.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    public string Folder { get; }

    public X509Certificate2 TrustedCa { get; }

    public X509Certificate2 OtherCa { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Tracker { get; }

    public X509Certificate2 Intruder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>An HTTPS client that trusts the agent's certificate only and presents <paramref name="certificate"/>.</summary>
    public HttpClient Client(X509Certificate2? certificate) => new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            ClientCertificates = certificate is null ? null : [certificate],
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == Server.GetCertHashString(),
        },
    })
    { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose()
    {
        foreach (var certificate in new[] { TrustedCa, OtherCa, Server, Tracker, Intruder })
        {
            certificate.Dispose();
        }
    }

    private void Write(string name, string pem) => File.WriteAllText(PathOf(name), pem);

    private static X509Certificate2 Authority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(NotBefore, NotAfter);
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        using var issued = request.Create(ca, NotBefore, NotAfter, RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }
}

/// <summary>
/// HTTPS WAN listeners with TLS client certificates (RFC 7285 §8.3.5), on real agents:
/// <c>Required</c> refuses a tracker without a trusted certificate in the TLS handshake (no HTTP
/// answer at all); <c>Optional</c> lets it through the handshake, and then it needs a token or
/// gets 401. A certificate of an untrusted CA fails the handshake in both.
/// </summary>
public sealed class WanAccessTlsTests : IAsyncLifetime
{
    private const string Token = "tracker-a-0123456789abcdefghijklmnopqrstuvwxyz";
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-wan-tls-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<AgentProcess> _agents = [];
    private WanTestPki? _pki;
    private HttpClient? _trusted;
    private HttpClient? _anonymous;
    private HttpClient? _intruder;

    private WanTestPki Pki => _pki!;

    public ValueTask InitializeAsync()
    {
        _pki = new WanTestPki(_folder);
        _trusted = Pki.Client(Pki.Tracker);
        _anonymous = Pki.Client(null);
        _intruder = Pki.Client(Pki.Intruder);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }

        foreach (var client in new[] { _trusted, _anonymous, _intruder })
        {
            client?.Dispose();
        }

        _pki?.Dispose();
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task With_required_client_certificates_only_a_tracker_of_the_trusted_ca_gets_through()
    {
        var (wan, _, _) = await StartAgentAsync("Required", "ClientCertificate");

        using var response = await _trusted!.GetAsync($"{wan}/directory", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/alto-directory+json", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith($"{{\"meta\":", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => _anonymous!.GetAsync($"{wan}/directory", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<HttpRequestException>(() => _intruder!.GetAsync($"{wan}/directory", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Curl_with_a_client_certificate_of_the_trusted_ca_gets_the_directory()
    {
        var curl = TestEnvironment.RequireTool("curl", "curl");
        var (wan, _, _) = await StartAgentAsync("Required", "ClientCertificate");

        var (exit, output) = await ToolProcess.RunAsync(curl,
        [
            "--silent", "--show-error", "--cacert", Pki.PathOf("ca.pem"), "--cert", Pki.PathOf("tracker.pem"), "--key", Pki.PathOf("tracker.key"),
            "--header", "Accept: application/alto-directory+json", "--output", "/dev/null", "--write-out", "%{http_code} %{content_type} %{ssl_verify_result}",
            $"{wan}/directory",
        ]);

        Assert.Equal(0, exit);
        Assert.Equal("200 application/alto-directory+json 0", output);
    }

    [Fact]
    public async Task With_optional_client_certificates_a_tracker_without_one_needs_a_token_or_gets_401()
    {
        var (wan, lan, agent) = await StartAgentAsync("Optional", "TokenOrClientCertificate");

        using var byCertificate = await _trusted!.GetAsync($"{wan}/directory", TestContext.Current.CancellationToken);
        using var nothing = await _anonymous!.GetAsync($"{wan}/directory", TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{wan}/directory");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        using var byToken = await _anonymous.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, byCertificate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nothing.StatusCode);
        Assert.Equal("Bearer realm=\"altogateway\"", Assert.Single(nothing.Headers.WwwAuthenticate).ToString());
        Assert.Equal(
            """{"meta":{"code":"E_SYNTAX","syntax-error":"a valid bearer token (Authorization: Bearer TOKEN, RFC 6750) or a TLS client certificate from a trusted CA is required"}}""",
            await nothing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var samples = PrometheusText.Parse(await _http.GetStringAsync($"{lan}/metrics", TestContext.Current.CancellationToken));
        Assert.Equal(1, samples["altogw_wan_rejected_total{reason=\"unauthenticated\"}"]);

        // A certificate of another CA fails the handshake. (HttpClient tries a failed new connection
        // more than once, so the refusals counted depend on the client; the log line does not.)
        await Assert.ThrowsAsync<HttpRequestException>(() => _intruder!.GetAsync($"{wan}/directory", TestContext.Current.CancellationToken));
        await agent.WaitForOutputAsync("WAN TLS client certificate 'CN=tracker-c' (issuer 'CN=Somebody Else's CA') refused: PartialChain");
    }

    /// <summary>Starts an agent with an https WAN listener; returns the WAN and LAN base URLs once it is ready.</summary>
    private async Task<(string Wan, string Lan, AgentProcess Agent)> StartAgentAsync(string clientCertificates, string mode)
    {
        var lan = FreePort.Next();
        var wan = FreePort.Next();
        var config = Path.Combine(_folder, $"altogateway-{mode}.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Http": {
                "Lan": { "Urls": [ "http://127.0.0.1:{{lan}}" ] },
                "Wan": {
                  "Urls": [ "https://127.0.0.1:{{wan}}" ],
                  "Tls": { "CertificateFile": "server.pem", "KeyFile": "server.key", "ClientCertificates": "{{clientCertificates}}", "ClientCaFile": "ca.pem" },
                  "Access": { "Mode": "{{mode}}"{{(mode == "ClientCertificate" ? string.Empty : $", \"Tokens\": [ {{ \"Name\": \"tracker-a\", \"Token\": \"{Token}\" }} ]")}} }
                }
              }
            }
            """, TestContext.Current.CancellationToken);
        var agent = AgentProcess.Start(["run", "--config", config]);
        _agents.Add(agent);
        using var ready = await agent.WaitForHttpAsync(_http, $"http://127.0.0.1:{lan}/healthz", TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        return ($"https://127.0.0.1:{wan}", $"http://127.0.0.1:{lan}", agent);
    }
}

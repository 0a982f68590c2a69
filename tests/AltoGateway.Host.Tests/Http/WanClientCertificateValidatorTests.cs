using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AltoGateway.Host.Http;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Host.Tests.Http;

/// <summary>Client certificate chains are checked against the configured CAs only, at the agent's clock.</summary>
public sealed class WanClientCertificateValidatorTests : IDisposable
{
    private static readonly DateTimeOffset Issued = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Issued.AddDays(10));
    private readonly X509Certificate2 _trustedCa = Authority("CN=Trusted Tracker CA");
    private readonly X509Certificate2 _otherCa = Authority("CN=Some Other CA");

    public void Dispose()
    {
        _trustedCa.Dispose();
        _otherCa.Dispose();
    }

    [Fact]
    public void A_certificate_of_the_configured_ca_is_trusted_while_it_is_valid_by_the_agents_clock()
    {
        using var client = Issue(_trustedCa, "CN=tracker-c", "1.3.6.1.5.5.7.3.2");
        var validator = new ClientCertificateValidator([_trustedCa], _time);

        Assert.True(validator.IsTrusted(client, null, out var reason), reason);
        Assert.Equal(string.Empty, reason);

        _time.Advance(TimeSpan.FromDays(30));
        Assert.False(validator.IsTrusted(client, null, out reason));
        Assert.Equal("NotTimeValid", reason);
    }

    [Fact]
    public void A_certificate_of_another_ca_is_refused_even_when_its_root_comes_along()
    {
        using var client = Issue(_otherCa, "CN=intruder", "1.3.6.1.5.5.7.3.2");
        using var presented = new X509Chain();
        presented.ChainPolicy.ExtraStore.Add(_otherCa);
        var validator = new ClientCertificateValidator([_trustedCa], _time);

        Assert.False(validator.IsTrusted(client, presented, out var reason));
        Assert.Equal("UntrustedRoot", reason);
    }

    [Fact]
    public void A_certificate_restricted_to_server_authentication_is_refused()
    {
        using var server = Issue(_trustedCa, "CN=not-a-client", "1.3.6.1.5.5.7.3.1");
        var validator = new ClientCertificateValidator([_trustedCa], _time);

        Assert.False(validator.IsTrusted(server, null, out var reason));
        Assert.Equal("NotValidForUsage", reason);
    }

    /// <summary>A self-signed CA certificate (also the certificates of <see cref="WanClientIdentityTests"/>).</summary>
    internal static X509Certificate2 Authority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(Issued.AddDays(-1), Issued.AddYears(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, string usage)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        using var issued = request.Create(ca, Issued, Issued.AddDays(20), [1, 2, 3, 4]);
        return issued.CopyWithPrivateKey(key);
    }
}

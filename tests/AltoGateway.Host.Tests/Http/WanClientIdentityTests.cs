using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Http;

namespace AltoGateway.Host.Tests.Http;

/// <summary>Who a WAN request is from: bearer tokens compared by hash, certificate identities, addresses, per mode.</summary>
public sealed class WanClientIdentityTests : IDisposable
{
    private const string TokenA = "tracker-a-token-0123456789abcdefghijklmnop";
    private const string TokenB = "tracker-b-token-0123456789abcdefghijklmnop";
    private static readonly IPAddress Remote = IPAddress.Parse("198.51.100.7");
    private readonly BearerTokenTable _tokens = new([
        new WanTokenOptions { Name = "tracker-a", Token = TokenA },
        new WanTokenOptions { Name = "tracker-b", Token = TokenB },
    ]);

    private readonly X509Certificate2 _named = WanClientCertificateValidatorTests.Authority("CN=tracker-c, O=Example Trackers");
    private readonly X509Certificate2 _unnamed = WanClientCertificateValidatorTests.Authority("O=No Common Name");

    public void Dispose()
    {
        _named.Dispose();
        _unnamed.Dispose();
    }

    [Theory]
    [InlineData("Bearer " + TokenA, "tracker-a")]
    [InlineData("bearer " + TokenB, "tracker-b")]
    [InlineData("BEARER   " + TokenA + " ", "tracker-a")]
    [InlineData("Bearer " + TokenA + "x", null)]
    [InlineData("Bearer " + "tracker-a-token-0123456789abcdefghijklmno", null)]
    [InlineData("Bearer", null)]
    [InlineData("Bearer ", null)]
    [InlineData("Basic dHJhY2tlcjpzZWNyZXQ=", null)]
    [InlineData(TokenA, null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_bearer_token_names_its_tracker_only_when_it_is_exactly_a_configured_one(string? authorization, string? name)
    {
        Assert.Equal(name, _tokens.NameOf(authorization));
    }

    [Fact]
    public void A_token_longer_than_any_allowed_is_no_token()
    {
        Assert.Null(_tokens.NameOfToken(new string('a', WanTokenRules.MaxTokenLength + 1)));
        Assert.Null(_tokens.NameOfToken(new string('a', WanTokenRules.MaxTokenLength)));
        Assert.Equal(2, _tokens.Count);
    }

    [Fact]
    public void A_certificate_is_named_by_its_subject_common_name_or_else_its_sha256_thumbprint()
    {
        Assert.Equal(new WanClientIdentity(WanClientKind.Certificate, "tracker-c"), WanClientIdentity.ForCertificate(_named));
        Assert.Equal(
            new WanClientIdentity(WanClientKind.Certificate, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(_unnamed.RawData))),
            WanClientIdentity.ForCertificate(_unnamed));
    }

    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    public void An_address_is_named_as_the_tracker_sees_it(string address, string name)
    {
        Assert.Equal(new WanClientIdentity(WanClientKind.Address, name), WanClientIdentity.ForAddress(IPAddress.Parse(address)));
        Assert.Equal($"address {name}", WanClientIdentity.ForAddress(IPAddress.Parse(address)).ToString());
    }

    [Fact]
    public void Open_mode_names_every_client_by_its_address_whatever_it_sends()
    {
        var open = new WanClientAuthenticator(WanAccessMode.Open, _tokens);

        Assert.Equal("address 198.51.100.7", open.Authenticate("Bearer " + TokenA, _named, Remote)?.ToString());
        Assert.Equal("address 198.51.100.7", open.Authenticate(null, null, Remote)?.ToString());
    }

    [Fact]
    public void Token_mode_takes_a_token_only()
    {
        var token = new WanClientAuthenticator(WanAccessMode.Token, _tokens);

        Assert.Equal("token tracker-b", token.Authenticate("Bearer " + TokenB, null, Remote)?.ToString());
        Assert.Null(token.Authenticate(null, _named, Remote));
        Assert.Null(token.Authenticate("Bearer wrong-but-long-enough-0123456789abcdef", _named, Remote));
    }

    [Fact]
    public void Client_certificate_mode_takes_a_certificate_only()
    {
        var certificate = new WanClientAuthenticator(WanAccessMode.ClientCertificate, _tokens);

        Assert.Equal("certificate tracker-c", certificate.Authenticate(null, _named, Remote)?.ToString());
        Assert.Equal("certificate tracker-c", certificate.Authenticate("Bearer nonsense", _named, Remote)?.ToString());
        Assert.Null(certificate.Authenticate("Bearer " + TokenA, null, Remote));
    }

    [Fact]
    public void Token_or_certificate_mode_takes_either_but_a_bad_token_is_not_saved_by_a_certificate()
    {
        var either = new WanClientAuthenticator(WanAccessMode.TokenOrClientCertificate, _tokens);

        Assert.Equal("token tracker-a", either.Authenticate("Bearer " + TokenA, _named, Remote)?.ToString());
        Assert.Equal("certificate tracker-c", either.Authenticate(null, _named, Remote)?.ToString());
        Assert.Null(either.Authenticate("Bearer wrong-but-long-enough-0123456789abcdef", _named, Remote));
        Assert.Null(either.Authenticate(null, null, Remote));
    }
}

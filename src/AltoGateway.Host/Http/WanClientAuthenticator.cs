using System.Net;
using System.Security.Cryptography.X509Certificates;
using AltoGateway.Host.Configuration;

namespace AltoGateway.Host.Http;

/// <summary>Tells who a WAN request comes from under the configured <see cref="WanAccessMode"/>; null when nobody the agent accepts.</summary>
internal sealed class WanClientAuthenticator(WanAccessMode mode, BearerTokenTable tokens)
{
    public WanAccessMode Mode => mode;

    /// <param name="authorization">The request's Authorization header, if any.</param>
    /// <param name="certificate">The TLS client certificate; its chain was checked in the handshake.</param>
    /// <param name="remote">The remote address.</param>
    public WanClientIdentity? Authenticate(string? authorization, X509Certificate2? certificate, IPAddress? remote) => mode switch
    {
        WanAccessMode.Open => WanClientIdentity.ForAddress(remote),
        WanAccessMode.Token => ByToken(authorization),
        WanAccessMode.ClientCertificate => ByCertificate(certificate),

        // A credential that is sent must be right: a bad token is not saved by a good certificate.
        _ => authorization is not null ? ByToken(authorization) : ByCertificate(certificate),
    };

    private WanClientIdentity? ByToken(string? authorization) =>
        tokens.NameOf(authorization) is { } name ? new WanClientIdentity(WanClientKind.Token, name) : null;

    private static WanClientIdentity? ByCertificate(X509Certificate2? certificate) =>
        certificate is null ? null : WanClientIdentity.ForCertificate(certificate);
}

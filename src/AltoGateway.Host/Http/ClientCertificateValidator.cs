using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AltoGateway.Host.Http;

/// <summary>
/// Checks a tracker's TLS client certificate (RFC 7285 §8.3.5) against exactly the CAs of
/// <c>Http:Wan:Tls:ClientCaFile</c>: no system trust store, no revocation checks or downloads
/// (the agent fetches nothing on a client's behalf), validity at the agent's clock, and the
/// clientAuth extended key usage when the certificate restricts its usages (RFC 5280 §4.2.1.12).
/// </summary>
internal sealed class ClientCertificateValidator(X509Certificate2Collection roots, TimeProvider time)
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>True when the chain ends in one of the roots; otherwise the chain's complaints.</summary>
    /// <param name="certificate">The client's certificate.</param>
    /// <param name="presented">The chain TLS built; only its intermediates are used, never its trust.</param>
    /// <param name="reason">Why not.</param>
    public bool IsTrusted(X509Certificate2 certificate, X509Chain? presented, out string reason)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(roots);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = time.GetUtcNow().UtcDateTime;
        policy.VerificationTimeIgnored = false;
        policy.ApplicationPolicy.Add(new Oid(ClientAuthentication, "Client Authentication"));
        if (presented is not null)
        {
            policy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
            foreach (var element in presented.ChainElements)
            {
                policy.ExtraStore.Add(element.Certificate);
            }
        }

        if (chain.Build(certificate))
        {
            reason = string.Empty;
            return true;
        }

        reason = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
        return false;
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AltoGateway.Host.Http;

/// <summary>
/// Who a WAN request came from: the name of its bearer token, the identity of its TLS client
/// certificate, or (Open mode) its remote address. <see cref="Name"/> is what logs and rate limits
/// use; the middleware puts the identity into the request's features for the handlers.
/// </summary>
internal sealed record WanClientIdentity(WanClientKind Kind, string Name)
{
    private const string CommonNameOid = "2.5.4.3";

    /// <summary>The certificate's subject CN; <c>sha256:HEX</c> of the certificate when it has none.</summary>
    public static WanClientIdentity ForCertificate(X509Certificate2 certificate)
    {
        foreach (var name in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (name.GetSingleElementType().Value == CommonNameOid && name.GetSingleElementValue() is { Length: > 0 } commonName)
            {
                return new WanClientIdentity(WanClientKind.Certificate, commonName);
            }
        }

        return new WanClientIdentity(WanClientKind.Certificate, "sha256:" + certificate.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant());
    }

    /// <summary>The remote address; a dual-stack socket's ::ffff:a.b.c.d is named a.b.c.d.</summary>
    public static WanClientIdentity ForAddress(IPAddress? address) =>
        new(WanClientKind.Address, address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString());

    public override string ToString() => $"{Kind switch
    {
        WanClientKind.Token => "token",
        WanClientKind.Certificate => "certificate",
        _ => "address",
    }} {Name}";
}

/// <summary>What identified a WAN client.</summary>
internal enum WanClientKind
{
    Address,
    Token,
    Certificate,
}

namespace AltoGateway.Host.Configuration;

/// <summary>
/// The <c>Http:Wan:Tls</c> section: the server certificate of the <c>https://</c> WAN listeners and
/// TLS client certificates for trackers (RFC 7285 §8.3.5 prefers them for client authentication).
/// Relative paths are read from the directory of the configuration file.
/// </summary>
internal sealed class WanTlsOptions
{
    /// <summary>PEM file with the server certificate, optionally followed by its intermediate CAs.</summary>
    public string CertificateFile { get; set; } = string.Empty;

    /// <summary>PEM file with the server certificate's private key (unencrypted PKCS#8, PKCS#1 or SEC1).</summary>
    public string KeyFile { get; set; } = string.Empty;

    /// <summary>Whether the TLS handshake asks trackers for a certificate.</summary>
    public WanClientCertificates ClientCertificates { get; set; } = WanClientCertificates.None;

    /// <summary>PEM bundle of the CAs that issue tracker certificates; the only roots a client chain may end in.</summary>
    public string ClientCaFile { get; set; } = string.Empty;

    /// <summary>True when anything of this section is set.</summary>
    public bool IsConfigured =>
        CertificateFile.Length > 0 || KeyFile.Length > 0 || ClientCaFile.Length > 0 || ClientCertificates != WanClientCertificates.None;
}

/// <summary>TLS client certificates on the WAN listeners.</summary>
internal enum WanClientCertificates
{
    /// <summary>Not asked for.</summary>
    None,

    /// <summary>Asked for; a connection without one is accepted (a bearer token may identify it), a bad one is refused.</summary>
    Optional,

    /// <summary>The TLS handshake fails without a certificate from a trusted CA.</summary>
    Required,
}

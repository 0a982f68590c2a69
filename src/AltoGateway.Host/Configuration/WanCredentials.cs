using System.Security.Cryptography.X509Certificates;

namespace AltoGateway.Host.Configuration;

/// <summary>What the files of <c>Http:Wan</c> hold, read by <see cref="WanCredentialFiles"/>.</summary>
/// <param name="ServerCertificate">The https listeners' certificate with its key; null without https listeners.</param>
/// <param name="ServerChain">Intermediate CAs sent after the server certificate.</param>
/// <param name="ClientRoots">The CAs a tracker's certificate chain must end in.</param>
/// <param name="Tokens">Every bearer token, inline and from the token file.</param>
internal sealed record WanCredentials(
    X509Certificate2? ServerCertificate,
    X509Certificate2Collection ServerChain,
    X509Certificate2Collection ClientRoots,
    IReadOnlyList<WanTokenOptions> Tokens);

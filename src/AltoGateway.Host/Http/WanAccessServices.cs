using AltoGateway.Host.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Http;

/// <summary>Wires WAN access control into the agent: its services, and TLS on the https:// WAN listeners.</summary>
internal static class WanAccessServices
{
    /// <summary>
    /// Reads the files of <c>Http:Wan</c> (the configuration passed check-config) and registers
    /// what <see cref="WanAccessMiddleware"/> and <see cref="UseHttps"/> need.
    /// </summary>
    public static WanCredentials Add(IServiceCollection services, IConfiguration configuration, ListenerOptions wan, TimeProvider time)
    {
        var warnings = new List<ConfigurationProblem>();
        var credentials = wan.Enabled
            ? WanCredentialFiles.Load(configuration, wan, warnings)
            : new WanCredentials(null, [], [], []);
        var tokens = new BearerTokenTable(credentials.Tokens);
        var access = wan.Access ?? new WanAccessOptions();
        services.AddSingleton(credentials);
        services.AddSingleton(new WanClientAuthenticator(access.Mode, tokens));
        services.AddSingleton(new WanClientRateLimiter(access.RateLimit, time));
        services.AddSingleton(new ClientCertificateValidator(credentials.ClientRoots, time));
        services.AddSingleton(new RefusalLogGate(time));
        services.AddSingleton<WanAccessMetrics>();
        services.AddHostedService(sp => new WanAccessReport(wan, tokens.Count, warnings, sp.GetRequiredService<ListenerMap>(), sp.GetRequiredService<ILogger<WanAccessReport>>()));
        return credentials;
    }

    /// <summary>TLS on one https:// WAN listener: the server certificate, and client certificates as configured.</summary>
    public static void UseHttps(ListenOptions listen, WanTlsOptions? tls, WanCredentials credentials)
    {
        var services = listen.ApplicationServices;
        var validator = services.GetRequiredService<ClientCertificateValidator>();
        var metrics = services.GetRequiredService<WanAccessMetrics>();
        var logGate = services.GetRequiredService<RefusalLogGate>();
        var logger = services.GetRequiredService<ILogger<ClientCertificateValidator>>();
        listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = credentials.ServerCertificate,
            ServerCertificateChain = credentials.ServerChain,
            ClientCertificateMode = tls?.ClientCertificates switch
            {
                WanClientCertificates.Required => ClientCertificateMode.RequireCertificate,
                WanClientCertificates.Optional => ClientCertificateMode.AllowCertificate,
                _ => ClientCertificateMode.NoCertificate,
            },

            // The validator checks the chain against the configured CAs only, and fetches nothing.
            CheckCertificateRevocation = false,
            ClientCertificateValidation = (certificate, chain, _) =>
            {
                if (validator.IsTrusted(certificate, chain, out var reason))
                {
                    return true;
                }

                metrics.Rejected(WanAccessMetrics.Unauthenticated);
                if (logGate.TryEnter(out var heldBack))
                {
                    WanAccessLog.CertificateRefused(logger, certificate.Subject, certificate.Issuer, reason, heldBack);
                }

                return false;
            },
        });
    }
}

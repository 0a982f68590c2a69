using AltoGateway.Dhcp.Alto;
using AltoGateway.Discovery.AccessDomains;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Discovery;
using AltoGateway.Host.Http;
using Microsoft.Extensions.Configuration;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// The <c>Dhcp</c> section with its defaults filled in from the rest of the configuration: the access domain (the
/// first of <c>Discovery:AccessDomains</c>), the directory URI (what the access domain points at: the first of
/// <c>Discovery:AccessDirectoryUris</c>, else the built-in server's IRD on the first LAN listener, the same default
/// as the discovery responder's) and whether peer IDs are sent (<c>PeerIds:Enabled</c>). Problems are named by
/// the key to change.
/// </summary>
internal sealed record DhcpSettings(DhcpOptions Options, AltoDhcpSettings Alto, bool SendPeerIds)
{
    /// <summary>For <see cref="AgentConfiguration.Check"/>: the defaults, once the sections they come from read well.</summary>
    public static void Check(IConfiguration configuration, List<ConfigurationProblem> problems)
    {
        string[] inputs = [DhcpOptions.SectionName, HttpOptions.SectionName, DiscoveryOptions.SectionName, PeerIdOptions.SectionName];
        if (problems.Any(p => inputs.Any(section => p.Key == section || p.Key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))))
        {
            return;
        }

        var dhcp = configuration.GetSection(DhcpOptions.SectionName).Get<DhcpOptions>() ?? new DhcpOptions();
        _ = TryBuild(dhcp, AgentConfiguration.Discovery(configuration), new ListenerMap(AgentConfiguration.Http(configuration)), AgentConfiguration.PeerIds(configuration), problems);
    }

    /// <summary>The settings, or null with the problems added to <paramref name="problems"/>.</summary>
    public static DhcpSettings? TryBuild(DhcpOptions dhcp, DiscoveryOptions discovery, ListenerMap listeners, PeerIdOptions peerIds, List<ConfigurationProblem> problems)
    {
        var key = $"{DhcpOptions.SectionName}:{nameof(DhcpOptions.Alto)}";
        var alto = dhcp.Alto;
        var before = problems.Count;
        AccessDomainName? accessDomain = alto.AccessDomain.Length > 0 && AccessDomainName.TryCreate(alto.AccessDomain, out var configured, out _) ? configured
            : discovery.ParsedAccessDomains() is [var first, ..] ? first
            : null;

        Uri? directory = null;
        if (alto.DirectoryUri.Length > 0)
        {
            directory = new Uri(alto.DirectoryUri);
        }
        else if (dhcp.Serves)
        {
            var text = discovery.AccessDirectoryUris.FirstOrDefault() ?? DiscoveryZoneSettings.LanDirectoryUri(listeners);
            if (text is null || !DhcpAltoOptions.IsDirectoryUri(text))
            {
                problems.Add(new ConfigurationProblem($"{key}:{nameof(DhcpAltoOptions.DirectoryUri)}",
                    "has no default: the first LAN listener binds every address (*), so name the directory URI LAN clients should use"));
            }
            else if (new Uri(text) is { IsLoopback: true } loopback)
            {
                problems.Add(new ConfigurationProblem($"{key}:{nameof(DhcpAltoOptions.DirectoryUri)}",
                    $"has no default: the LAN directory {loopback.AbsoluteUri} is on loopback, which LAN clients cannot reach; set it, or a LAN listener on the LAN address"));
            }
            else
            {
                directory = new Uri(text);
            }
        }

        if (alto.SendPeerIds == true && !peerIds.Enabled)
        {
            problems.Add(new ConfigurationProblem($"{key}:{nameof(DhcpAltoOptions.SendPeerIds)}", "peer IDs are off (PeerIds:Enabled is false)"));
        }

        if (problems.Count > before)
        {
            return null;
        }

        var settings = new AltoDhcpSettings
        {
            AccessDomain = accessDomain,
            DirectoryUri = directory,
            SiteSpecificUriCode = (byte)alto.UriOptionCode,
            EnterpriseNumber = alto.EnterpriseNumber,
            AlwaysSend = alto.AlwaysSend,
        };
        return new DhcpSettings(dhcp, settings, alto.SendPeerIds ?? peerIds.Enabled);
    }
}

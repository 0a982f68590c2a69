using System.ComponentModel.DataAnnotations;
using AltoGateway.Dhcp.Alto;
using AltoGateway.Discovery.AccessDomains;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// <c>Dhcp:Alto</c>: the ALTO options handed out (RFC 5986 access domain 213 / 57, the directory URI in a
/// site-specific DHCPv4 option, URI and peer ID under an enterprise number in 125 / 17). Empty values take
/// their defaults from the rest of the configuration (see <c>DhcpSettings</c>).
/// </summary>
internal sealed class DhcpAltoOptions
{
    /// <summary>The access domain; empty: the first of <c>Discovery:AccessDomains</c>, if any.</summary>
    public string AccessDomain { get; set; } = string.Empty;

    /// <summary>The ALTO directory URI; empty: the first <c>Discovery:AccessDirectoryUris</c>, else the built-in server's on the first LAN listener.</summary>
    public string DirectoryUri { get; set; } = string.Empty;

    /// <summary>The site-specific DHCPv4 option that carries the URI, 224 to 254 (RFC 3942 §4).</summary>
    public int UriOptionCode { get; set; } = AltoDhcpSettings.DefaultSiteSpecificUriCode;

    /// <summary>The enterprise number of options 125 and 17 (32473: RFC 5612's documentation number).</summary>
    public uint EnterpriseNumber { get; set; } = AltoDhcpSettings.DefaultEnterpriseNumber;

    /// <summary>Send every option in every answer, asked for or not (some clients never ask).</summary>
    public bool AlwaysSend { get; set; }

    /// <summary>Send the subscriber's peer ID (vendor sub-option 2); unset: when <c>PeerIds:Enabled</c>.</summary>
    public bool? SendPeerIds { get; set; }

    public IEnumerable<ValidationResult> Validate(string key)
    {
        if (AccessDomain.Length > 0 && !AccessDomainName.TryCreate(AccessDomain, out _, out var error))
        {
            yield return DhcpInterfaceOptions.Problem($"'{AccessDomain}' is not a domain name ({error})", key, nameof(AccessDomain));
        }

        if (DirectoryUri.Length > 0 && !IsDirectoryUri(DirectoryUri))
        {
            yield return DhcpInterfaceOptions.Problem($"'{DirectoryUri}' is not an absolute http(s) URI in ASCII", key, nameof(DirectoryUri));
        }

        if (!AltoDhcpSettings.IsSiteSpecific(UriOptionCode))
        {
            yield return DhcpInterfaceOptions.Problem($"{UriOptionCode} is not a site-specific option code (224 to 254, RFC 3942 §4)", key, nameof(UriOptionCode));
        }

        if (EnterpriseNumber == 0)
        {
            yield return DhcpInterfaceOptions.Problem("0 is IANA's reserved number; use your own Private Enterprise Number or 32473", key, nameof(EnterpriseNumber));
        }
    }

    /// <summary>An absolute http or https URI in ASCII, as options 234 and 125 carry it.</summary>
    public static bool IsDirectoryUri(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && System.Text.Ascii.IsValid(uri.AbsoluteUri);
}

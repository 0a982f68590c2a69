using AltoGateway.Discovery.AccessDomains;

namespace AltoGateway.Dhcp.Alto;

/// <summary>What the DHCP server or relay tells clients about ALTO, and when.</summary>
public sealed record AltoDhcpSettings
{
    /// <summary>
    /// The default site-specific DHCPv4 code for the directory URI. RFC 3942 §4 leaves 224–254 to each site and no
    /// code is assigned for an ALTO URI (draft-song-alto-server-discovery got none). 234 is chosen because the
    /// site-specific codes shipped software commonly claims are elsewhere: 249 (Microsoft classless static routes),
    /// 252 (WPAD), 245 (Azure), 242 and 243 (IP phones), 224–226 and 250–254 (assorted vendors and PXE setups).
    /// A site that already uses 234 picks another code.
    /// </summary>
    public const byte DefaultSiteSpecificUriCode = 234;

    /// <summary>
    /// The default enterprise number for options 125 and 17: 32473, which RFC 5612 reserves for examples and
    /// documentation. It collides with no real vendor's sub-options; an operator with their own IANA Private
    /// Enterprise Number sets it, and clients must be told the same number.
    /// </summary>
    public const uint DefaultEnterpriseNumber = 32473;

    private readonly byte siteSpecificUriCode = DefaultSiteSpecificUriCode;
    private readonly Uri? directoryUri;

    /// <summary>The access domain for 213 and 57 (RFC 5986), the standard path; null sends neither.</summary>
    public AccessDomainName? AccessDomain { get; init; }

    /// <summary>The ALTO directory URI for the site-specific option and the vendor sub-option 1; null sends neither.</summary>
    public Uri? DirectoryUri
    {
        get => directoryUri;
        init => directoryUri = value is null || (value.IsAbsoluteUri && value.Scheme is "http" or "https")
            ? value
            : throw new ArgumentException("The ALTO directory URI is an absolute http or https URI (RFC 7285 §9.2).", nameof(value));
    }

    /// <summary>The DHCPv4 code that carries <see cref="DirectoryUri"/>, 224–254 (RFC 3942 §4).</summary>
    public byte SiteSpecificUriCode
    {
        get => siteSpecificUriCode;
        init => siteSpecificUriCode = IsSiteSpecific(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Site-specific DHCPv4 options are 224–254 (RFC 3942 §4).");
    }

    /// <summary>The enterprise number for the vendor options 125 and 17.</summary>
    public uint EnterpriseNumber { get; init; } = DefaultEnterpriseNumber;

    /// <summary>
    /// Send every configured option in every reply. When false (the default), each goes only to clients that ask
    /// for its code in the PRL (55, RFC 2132 §9.8) or ORO (6, RFC 8415 §21.7).
    /// </summary>
    public bool AlwaysSend { get; init; }

    /// <summary>Whether <paramref name="code"/> is a site-specific DHCPv4 option code (RFC 3942 §4).</summary>
    public static bool IsSiteSpecific(int code) => code is >= V4.DhcpV4OptionCode.FirstSiteSpecific and <= V4.DhcpV4OptionCode.LastSiteSpecific;
}

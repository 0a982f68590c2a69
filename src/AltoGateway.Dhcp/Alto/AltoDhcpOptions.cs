using System.Text;
using AltoGateway.Dhcp.V4;
using AltoGateway.Dhcp.V6;

namespace AltoGateway.Dhcp.Alto;

/// <summary>
/// The ALTO options for one reply: the access domain (213 / 57, RFC 5986), the directory URI in a site-specific
/// DHCPv4 option, and the URI and the subscriber's peer ID as sub-options under the configured enterprise number
/// in option 125 (RFC 3925) or 17 (RFC 8415 §21.17). Each is sent when the client asks for its code, or always
/// when <see cref="AltoDhcpSettings.AlwaysSend"/> is set; only 213 / 57 are understood by standard clients.
/// </summary>
public sealed class AltoDhcpOptions(AltoDhcpSettings settings)
{
    private readonly AltoDhcpSettings settings = settings ?? throw new ArgumentNullException(nameof(settings));

    // What does not depend on the client is encoded once.
    private readonly DhcpV4Option? accessDomainV4 = settings?.AccessDomain is { } domain ? AccessDomainOption.ForDhcpV4(domain) : null;
    private readonly DhcpV4Option? uriV4 = settings?.DirectoryUri is { } uri ? new DhcpV4Option(settings.SiteSpecificUriCode, Ascii(uri.AbsoluteUri)) : null;

    /// <summary>The DHCPv4 options for a client whose PRL (option 55) is <paramref name="parameterRequestList"/>.</summary>
    public IReadOnlyList<DhcpV4Option> ForDhcpV4(ReadOnlySpan<byte> parameterRequestList, string? peerId)
    {
        var options = new List<DhcpV4Option>(3);
        if (accessDomainV4 is { } domain && Wanted(parameterRequestList, DhcpV4OptionCode.AccessDomain))
        {
            options.Add(domain);
        }

        if (uriV4 is { } uri && Wanted(parameterRequestList, settings.SiteSpecificUriCode))
        {
            options.Add(uri);
        }

        if (!Wanted(parameterRequestList, DhcpV4OptionCode.VendorIdentifyingVendorSpecific))
        {
            return options;
        }

        var subOptions = VendorSubOptions(peerId).Select(s => new DhcpV4SubOption(s.Code, s.Data)).ToList();
        if (subOptions.Sum(s => 2 + s.Data.Length) > byte.MaxValue)
        {
            // RFC 3925 §4: an enterprise's data-len is one octet. The peer ID stays; the URI still has its own option.
            subOptions.RemoveAll(s => s.Code == AltoVendorSubOptionCode.DirectoryUri);
        }

        if (subOptions.Count > 0)
        {
            options.Add(DhcpV4VendorIdentifyingOption.Create([new DhcpV4VendorData(settings.EnterpriseNumber, subOptions)]));
        }

        return options;
    }

    /// <summary>The DHCPv6 options for a client whose ORO (option 6) is <paramref name="requestedOptions"/>.</summary>
    public IReadOnlyList<DhcpV6Option> ForDhcpV6(IReadOnlyList<ushort> requestedOptions, string? peerId)
    {
        ArgumentNullException.ThrowIfNull(requestedOptions);
        var options = new List<DhcpV6Option>(2);
        if (settings.AccessDomain is { } domain && (settings.AlwaysSend || requestedOptions.Contains(DhcpV6OptionCode.AccessDomain)))
        {
            options.Add(AccessDomainOption.ForDhcpV6(domain));
        }

        var subOptions = VendorSubOptions(peerId).Select(s => new DhcpV6SubOption(s.Code, s.Data)).ToArray();
        if (subOptions.Length > 0 && (settings.AlwaysSend || requestedOptions.Contains(DhcpV6OptionCode.VendorOptions)))
        {
            options.Add(new DhcpV6VendorOption(settings.EnterpriseNumber, subOptions).ToOption());
        }

        return options;
    }

    private static byte[] Ascii(string text) =>
        System.Text.Ascii.IsValid(text) ? Encoding.ASCII.GetBytes(text) : throw new ArgumentException("Sub-option text is ASCII.", nameof(text));

    private bool Wanted(ReadOnlySpan<byte> parameterRequestList, byte code) => settings.AlwaysSend || parameterRequestList.Contains(code);

    private List<(byte Code, byte[] Data)> VendorSubOptions(string? peerId)
    {
        var subOptions = new List<(byte Code, byte[] Data)>(2);
        if (settings.DirectoryUri is { } uri)
        {
            subOptions.Add((AltoVendorSubOptionCode.DirectoryUri, Ascii(uri.AbsoluteUri)));
        }

        if (!string.IsNullOrEmpty(peerId))
        {
            subOptions.Add((AltoVendorSubOptionCode.PeerId, Ascii(peerId)));
        }

        return subOptions;
    }
}

namespace AltoGateway.Dhcp.Alto;

/// <summary>
/// The sub-option codes AltoGateway uses under its enterprise number, the same in DHCPv4 option 125 (RFC 3925 §4,
/// one-octet codes) and DHCPv6 option 17 (RFC 8415 §21.17, two-octet codes). No standard defines them: an
/// enterprise's sub-options are that enterprise's to define, which is why they travel under a configurable number.
/// </summary>
public static class AltoVendorSubOptionCode
{
    /// <summary>The ALTO server's directory (IRD) URI, as ASCII (an absolute http or https URI, RFC 7285 §9).</summary>
    public const byte DirectoryUri = 1;

    /// <summary>The subscriber's peer ID, as ASCII: the opaque name a tracker can give the ALTO proxy.</summary>
    public const byte PeerId = 2;
}

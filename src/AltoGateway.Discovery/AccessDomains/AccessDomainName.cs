namespace AltoGateway.Discovery.AccessDomains;

/// <summary>
/// An access domain name (RFC 5986; DHCPv4 213, DHCPv6 57, or DHCPv4 15 as fallback, RFC 7286 §3.1), checked
/// against RFC 1035 §2.3.4 (labels of 1–63 octets, at most 255 octets in wire format) and kept absolute and in
/// lower case. Step 2 of RFC 7286 (§3.2) queries this name itself for NAPTR records with service "ALTO".
/// </summary>
public readonly record struct AccessDomainName
{
    /// <summary>RFC 1035 §2.3.4.</summary>
    public const int MaximumLabelOctets = 63;

    /// <summary>RFC 1035 §2.3.4, counting length octets and the root label.</summary>
    public const int MaximumNameOctets = 255;

    private AccessDomainName(string name) => Name = name;

    /// <summary>The absolute name, "example.net.".</summary>
    public string Name { get; }

    /// <summary>The owner name to query for the ALTO U-NAPTR records: the access domain itself (RFC 7286 §3.2).</summary>
    public string NaptrQueryName => Name;

    /// <summary>Checks and normalises a name given with or without its final dot.</summary>
    public static bool TryCreate(string? text, out AccessDomainName name, out DomainNameError error)
    {
        name = default;
        if (string.IsNullOrEmpty(text) || text == ".")
        {
            error = DomainNameError.Empty;
            return false;
        }

        var relative = text.EndsWith('.') ? text[..^1] : text;
        var wireLength = 1; // the root label
        foreach (var range in relative.AsSpan().Split('.'))
        {
            var label = relative.AsSpan(range);
            error = CheckLabel(label);
            if (error != DomainNameError.None)
            {
                return false;
            }

            wireLength += 1 + label.Length;
        }

        if (wireLength > MaximumNameOctets)
        {
            error = DomainNameError.NameTooLong;
            return false;
        }

        name = new AccessDomainName(relative.ToLowerInvariant() + ".");
        error = DomainNameError.None;
        return true;
    }

    /// <summary>The absolute name.</summary>
    public override string ToString() => Name ?? string.Empty;

    private static DomainNameError CheckLabel(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty)
        {
            return DomainNameError.EmptyLabel;
        }

        if (label.Length > MaximumLabelOctets)
        {
            return DomainNameError.LabelTooLong;
        }

        foreach (var c in label)
        {
            if (c is <= ' ' or > '~' or '\\')
            {
                return DomainNameError.BadCharacter;
            }
        }

        return DomainNameError.None;
    }
}

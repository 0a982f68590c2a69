namespace AltoGateway.Discovery.Naptr;

/// <summary>
/// A valid ALTO U-NAPTR reduced to what discovery returns (RFC 8686 §3.1): the IRD URI with the record's
/// order and preference, and its service field.
/// </summary>
public sealed record UNaptrTarget(ushort Order, ushort Preference, UNaptrServiceParameter Service, Uri Uri)
{
    /// <summary>
    /// Checks one record against the U-NAPTR rules: "u" flag (RFC 4848 §4.4), regexp "!.*!URI!" (§2.1), empty
    /// replacement (§2), an absolute http(s) URI (RFC 7286 §3.2) whose scheme is one of the record's protocol tags.
    /// </summary>
    public static bool TryFrom(NaptrRecord record, out UNaptrTarget target, out UNaptrError error)
    {
        ArgumentNullException.ThrowIfNull(record);
        target = null!;
        if (!UNaptrServiceParameter.TryParse(record.Services, out var service, out error))
        {
            return false;
        }

        // RFC 3403 §4.1: flags are single characters, case-insensitive.
        if (!string.Equals(record.Flags, "u", StringComparison.OrdinalIgnoreCase))
        {
            error = UNaptrError.FlagNotU;
            return false;
        }

        if (record.Replacement is not ("" or "."))
        {
            error = UNaptrError.ReplacementNotEmpty;
            return false;
        }

        if (!UNaptrRegexp.TryReadSubstitution(record.Regexp, out var substitution, out error))
        {
            return false;
        }

        if (!TryReadUri(substitution, service, out var uri, out error))
        {
            return false;
        }

        target = new UNaptrTarget(record.Order, record.Preference, service, uri);
        return true;
    }

    private static bool TryReadUri(string text, UNaptrServiceParameter service, out Uri uri, out UNaptrError error)
    {
        uri = null!;
        // Uri treats "/path" as an absolute file URI on Unix; an ALTO IRD URI always starts with its scheme.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.IsFile || parsed.IsUnc
            || !text.Contains("://", StringComparison.Ordinal) || string.IsNullOrEmpty(parsed.Host))
        {
            error = UNaptrError.UriNotAbsolute;
            return false;
        }

        if (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)
        {
            error = UNaptrError.UriSchemeNotHttp;
            return false;
        }

        if (!service.HasProtocol(parsed.Scheme))
        {
            error = UNaptrError.UriSchemeNotInService;
            return false;
        }

        uri = parsed;
        error = UNaptrError.None;
        return true;
    }
}

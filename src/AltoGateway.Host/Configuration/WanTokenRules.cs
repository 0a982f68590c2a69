namespace AltoGateway.Host.Configuration;

/// <summary>What makes a tracker name and a bearer token acceptable, inline or in a token file.</summary>
internal static class WanTokenRules
{
    public const int MinTokenLength = 32;
    public const int MaxTokenLength = 1024;
    private const int MaxNameLength = 64;

    /// <summary>
    /// Names go into logs, metrics and configuration keys (<c>RateLimit:Clients:NAME</c>), so they
    /// keep to the characters of an ALTO PID name (RFC 7285 §10.1).
    /// </summary>
    public static string? NameProblem(string name)
    {
        if (name.Length == 0)
        {
            return "is required";
        }

        return name.Length <= MaxNameLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@')
            ? null
            : $"'{name}' is not a name: 1-{MaxNameLength} characters of A-Z a-z 0-9 - _ . @";
    }

    /// <summary>The problem with a token, never quoting it (check-config output is not secret).</summary>
    public static string? TokenProblem(string token)
    {
        if (token.Length == 0)
        {
            return "is required";
        }

        if (token.Length < MinTokenLength)
        {
            return $"is {token.Length} characters; a token needs at least {MinTokenLength} (e.g. openssl rand -base64 33)";
        }

        if (token.Length > MaxTokenLength)
        {
            return $"is {token.Length} characters; at most {MaxTokenLength}";
        }

        // RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
        var body = token.AsSpan().TrimEnd('=');
        var b64token = body.Length > 0;
        foreach (var c in body)
        {
            b64token &= char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/';
        }

        return b64token ? null : "may hold only A-Z a-z 0-9 - . _ ~ + / and trailing = (an RFC 6750 b64token)";
    }
}

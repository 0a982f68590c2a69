namespace AltoGateway.Alto.Identifiers;

/// <summary>
/// PIDName (RFC 7285 §10.1) and ResourceID (§10.2): 1–64 characters of [A-Za-z0-9-:@_.], where
/// '.' is reserved (§10.1: "MUST NOT be used unless specifically indicated") and so rejected.
/// </summary>
public static class AltoName
{
    /// <summary>The maximum length of a PID name or resource id.</summary>
    public const int MaxLength = 64;

    /// <summary>True for a valid PIDName (§10.1).</summary>
    public static bool IsValidPidName(string? name) => IsValid(name);

    /// <summary>True for a valid ResourceID (§10.2).</summary>
    public static bool IsValidResourceId(string? name) => IsValid(name);

    private static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or ':' or '@' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}

namespace AltoGateway.Alto.Identifiers;

/// <summary>
/// Endpoint property names (RFC 7285 §10.8): a global name of 1–32 characters of [A-Za-z0-9-:_]
/// (no '.', "priv:" allowed, §10.8.2), or a resource-specific name "resource-id.name" (§10.8.1),
/// e.g. "my-default-network-map.pid".
/// </summary>
public static class PropertyName
{
    /// <summary>The maximum length of a global property name.</summary>
    public const int MaxGlobalLength = 32;

    /// <summary>True for a valid global or resource-specific property name.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0
            ? IsValidGlobal(name)
            : AltoName.IsValidResourceId(name[..dot]) && IsValidGlobal(name[(dot + 1)..]);
    }

    private static bool IsValidGlobal(string name)
    {
        if (name.Length is 0 or > MaxGlobalLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or ':' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}

namespace AltoGateway.Discovery.Resolution;

/// <summary>Comparing absolute domain names as text: ASCII case is ignored (RFC 4343 §3), a final dot is implied.</summary>
internal static class DnsNames
{
    /// <summary>True when both name the same node.</summary>
    public static bool AreEqual(string a, string b) =>
        string.Equals(Absolute(a), Absolute(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>The name with its final dot, "." for the root.</summary>
    public static string Absolute(string name) =>
        name.Length == 0 ? "." : name.EndsWith('.') ? name : name + ".";

    /// <summary>The key a cache files the name under: absolute and in lower case.</summary>
    public static string Key(string name) => Absolute(name).ToLowerInvariant();
}

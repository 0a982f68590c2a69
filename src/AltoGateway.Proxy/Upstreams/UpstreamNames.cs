namespace AltoGateway.Proxy.Upstreams;

/// <summary>Names used in answers and logs when no particular upstream is meant.</summary>
public static class UpstreamNames
{
    /// <summary>No upstream was asked.</summary>
    public const string None = "none";

    /// <summary>The built-in ALTO server.</summary>
    public const string BuiltIn = "built-in";

    /// <summary>A request split among several upstreams (RFC 8686 §4.4): the answer says which answered what.</summary>
    public const string Several = "several";
}

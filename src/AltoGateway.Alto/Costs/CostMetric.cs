namespace AltoGateway.Alto.Costs;

/// <summary>
/// Cost metrics (RFC 7285 §10.6): 1–32 characters of [A-Za-z0-9-:_.]; "priv:" names are private
/// use, anything else should be IANA-registered (§14.2). Unregistered metrics are tolerated when read.
/// </summary>
public static class CostMetric
{
    /// <summary>The maximum length of a metric name.</summary>
    public const int MaxLength = 32;

    /// <summary>"routingcost" (§6.1.1.1): every server MUST offer it.</summary>
    public const string RoutingCost = "routingcost";

    /// <summary>"hopcount" (RFC 7285 §14.2 registers it).</summary>
    public const string HopCount = "hopcount";

    /// <summary>The private-use prefix (§10.6).</summary>
    public const string PrivatePrefix = "priv:";

    /// <summary>True when <paramref name="metric"/> follows the §10.6 syntax.</summary>
    public static bool IsValid(string? metric)
    {
        if (string.IsNullOrEmpty(metric) || metric.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in metric)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or ':' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for a private-use metric ("priv:…").</summary>
    public static bool IsPrivate(string metric) =>
        metric is not null && metric.StartsWith(PrivatePrefix, StringComparison.Ordinal) && metric.Length > PrivatePrefix.Length;

    /// <summary>True for a metric registered by RFC 7285.</summary>
    public static bool IsRegistered(string metric) => metric is RoutingCost or HopCount;
}

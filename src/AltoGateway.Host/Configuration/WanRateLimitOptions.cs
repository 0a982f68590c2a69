namespace AltoGateway.Host.Configuration;

/// <summary>
/// The <c>Http:Wan:Access:RateLimit</c> section: a token bucket per tracker (token name,
/// certificate identity, or remote address in Open mode), and a cap on the trackers followed.
/// </summary>
internal sealed class WanRateLimitOptions
{
    public const double MinRequestsPerSecond = 0.0001;
    public const double MaxRequestsPerSecond = 1_000_000;
    public const int MaxBurst = 1_000_000;
    public const int MaxMaxClients = 10_000_000;

    /// <summary>Sustained requests per second a tracker may send.</summary>
    public double RequestsPerSecond { get; set; } = 50;

    /// <summary>Requests a tracker may send at once after being idle (the bucket's size).</summary>
    public int Burst { get; set; } = 100;

    /// <summary>
    /// Trackers followed at once (about 100 bytes each); idle ones (a full bucket) are forgotten
    /// to make room, and a new tracker that finds no room gets 503.
    /// </summary>
    public int MaxClients { get; set; } = 10_000;

    /// <summary>Limits of single trackers, by name (token name, certificate identity or IPv4 address).</summary>
    public IDictionary<string, WanClientRateLimitOptions> Clients { get; set; } = new Dictionary<string, WanClientRateLimitOptions>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One tracker's own limit; what is not set comes from the section above.</summary>
internal sealed class WanClientRateLimitOptions
{
    public double? RequestsPerSecond { get; set; }

    public int? Burst { get; set; }
}

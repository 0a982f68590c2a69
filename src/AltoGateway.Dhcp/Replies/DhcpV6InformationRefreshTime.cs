namespace AltoGateway.Dhcp.Replies;

/// <summary>The Information Refresh Time option's bounds (RFC 8415 §7.6, §21.23).</summary>
public static class DhcpV6InformationRefreshTime
{
    /// <summary>IRT_DEFAULT: what a client assumes when the Reply carries none.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(86400);

    /// <summary>IRT_MINIMUM: no server sends less, no client uses less.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(600);

    /// <summary>0xffffffff seconds: "infinity", never refresh (RFC 8415 §7.7).</summary>
    public static readonly TimeSpan Infinity = TimeSpan.FromSeconds(uint.MaxValue);

    /// <summary>The option's value in seconds; at or beyond <see cref="Infinity"/> it is infinity.</summary>
    public static uint Seconds(TimeSpan refresh) =>
        refresh < Minimum ? throw new ArgumentOutOfRangeException(nameof(refresh), refresh, "at least IRT_MINIMUM, 600 s (RFC 8415 §21.23)")
        : refresh >= Infinity ? uint.MaxValue
        : (uint)refresh.TotalSeconds;
}

using System.ComponentModel.DataAnnotations;

namespace AltoGateway.Host.Configuration;

/// <summary><c>Dhcp:RateLimit</c>: a token bucket per client (DHCPv4 client identifier or MAC, DHCPv6 DUID).</summary>
internal sealed class DhcpRateLimitOptions
{
    /// <summary>Sustained messages per second one client may send.</summary>
    public double MessagesPerSecond { get; set; } = 5;

    /// <summary>Messages one client may send at once after being quiet.</summary>
    public int Burst { get; set; } = 20;

    /// <summary>Clients followed at once; quiet ones are forgotten, and a new one finding no room is dropped.</summary>
    public int MaxClients { get; set; } = 10_000;

    public IEnumerable<ValidationResult> Validate(string key)
    {
        if (!(MessagesPerSecond is >= 0.01 and <= 100_000))
        {
            yield return DhcpInterfaceOptions.Problem("must be between 0.01 and 100000", key, nameof(MessagesPerSecond));
        }

        if (Burst is < 1 or > 100_000)
        {
            yield return DhcpInterfaceOptions.Problem("must be between 1 and 100000", key, nameof(Burst));
        }

        if (MaxClients is < 16 or > 1_000_000)
        {
            yield return DhcpInterfaceOptions.Problem("must be between 16 and 1000000", key, nameof(MaxClients));
        }
    }
}

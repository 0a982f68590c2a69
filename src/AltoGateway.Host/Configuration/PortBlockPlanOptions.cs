using System.Globalization;
using System.Net;
using AltoGateway.Nat.PortBlocks;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// One RFC 7422 deterministic CGN plan (<c>Nat:PortBlocks:N</c>): who is behind which public
/// address and port is computed from these numbers, nothing is stored or logged per flow.
/// </summary>
internal sealed class PortBlockPlanOptions
{
    /// <summary>Inside range I: an IPv4 prefix (NAT444) or an IPv6 prefix (DS-Lite B4 addresses).</summary>
    public string InsidePrefix { get; set; } = string.Empty;

    /// <summary>For an IPv6 inside prefix: the prefix length naming one subscriber (default 128).</summary>
    public int? SubscriberPrefixLength { get; set; }

    /// <summary>Outside range O: IPv4 addresses or prefixes.</summary>
    public IList<string> OutsidePool { get; set; } = [];

    /// <summary>Compression ratio C: subscribers per outside address.</summary>
    public int CompressionRatio { get; set; }

    /// <summary>Dynamic pool factor D: blocks per outside address left to the dynamic pool (conntrack covers those).</summary>
    public int DynamicPoolFactor { get; set; }

    /// <summary>Reserved ports R, "FIRST-LAST" starting at 0 (default 0-1023).</summary>
    public string ReservedPorts { get; set; } = "0-1023";

    /// <summary>Algorithm A: <c>sequential</c> (0) or <c>round-robin</c> (2).</summary>
    public string Algorithm { get; set; } = "sequential";

    /// <summary>The plan, or every problem of these options (and of the plan they describe).</summary>
    public DeterministicNatPlan? TryCreatePlan(List<string> problems)
    {
        if (!IPNetwork.TryParse(InsidePrefix, out var inside))
        {
            problems.Add($"InsidePrefix: '{InsidePrefix}' is not a prefix such as 100.64.0.0/16");
        }

        var pool = new List<IPNetwork>();
        foreach (var text in OutsidePool)
        {
            if (IPNetwork.TryParse(text, out var prefix))
            {
                pool.Add(prefix);
            }
            else if (IPAddress.TryParse(text, out var address))
            {
                pool.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                problems.Add($"OutsidePool: '{text}' is not an address or a prefix");
            }
        }

        if (!TryParseRange(ReservedPorts, out var reserved))
        {
            problems.Add($"ReservedPorts: '{ReservedPorts}' is not FIRST-LAST with ports 0-65535");
        }

        PortAllocationAlgorithm? algorithm = Algorithm.ToLowerInvariant() switch
        {
            "sequential" or "0" => PortAllocationAlgorithm.Sequential,
            "round-robin" or "2" => PortAllocationAlgorithm.RoundRobin,
            _ => null,
        };
        if (algorithm is null)
        {
            problems.Add($"Algorithm: '{Algorithm}' is not supported; use sequential or round-robin (RFC 7422 does not define the others precisely enough to compute)");
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var settings = new DeterministicNatSettings
        {
            InsidePrefix = inside,
            SubscriberPrefixLength = SubscriberPrefixLength,
            OutsidePool = pool,
            CompressionRatio = CompressionRatio,
            DynamicPoolFactor = DynamicPoolFactor,
            ReservedPorts = reserved,
            Algorithm = algorithm!.Value,
        };
        if (DeterministicNatPlan.TryCreate(settings, out var plan, out var planProblems))
        {
            return plan;
        }

        problems.AddRange(planProblems.Select(p => p.Message));
        return null;
    }

    private static bool TryParseRange(string text, out PortRange range)
    {
        range = default;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !ushort.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !ushort.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || last < first)
        {
            return false;
        }

        range = new PortRange(first, last);
        return true;
    }
}

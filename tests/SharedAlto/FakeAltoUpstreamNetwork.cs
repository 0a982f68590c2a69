using System.Globalization;
using System.Net;

namespace AltoGateway.Tests.SharedAlto;

/// <summary>
/// The fake's own view of its settings, independent of the code under test: PID by longest prefix
/// (System.Net.IPNetwork), numerical costs from the table, ordinal costs as dense ranks per source.
/// </summary>
internal sealed class FakeAltoUpstreamNetwork
{
    private readonly List<(IPNetwork Network, string Pid)> _prefixes;
    private readonly HashSet<string> _placeable;

    public FakeAltoUpstreamNetwork(FakeAltoUpstreamSettings settings)
    {
        Settings = settings;
        _prefixes = settings.NetworkMap
            .SelectMany(pid => pid.Value.Select(prefix => (IPNetwork.Parse(prefix), pid.Key)))
            .ToList();
        _placeable = (settings.PlaceablePids
            ?? settings.NetworkMap.Where(pid => !pid.Value.Any(p => p.EndsWith("/0", StringComparison.Ordinal))).Select(pid => pid.Key))
            .ToHashSet(StringComparer.Ordinal);
    }

    public FakeAltoUpstreamSettings Settings { get; }

    /// <summary>"ipv4:192.0.2.1" → its PID; null for text that is not a typed address.</summary>
    public string? PidOf(string typedAddress)
    {
        var address = AddressOf(typedAddress);
        return address is null
            ? null
            : _prefixes.Where(p => p.Network.Contains(address)).MaxBy(p => p.Network.PrefixLength).Pid;
    }

    public bool CanPlace(string pid) => _placeable.Contains(pid);

    /// <summary>The cost from <paramref name="src"/> to <paramref name="dst"/> in "numerical" or "ordinal" mode.</summary>
    public double Cost(string src, string dst, bool ordinal)
    {
        var row = Settings.Costs[src];
        return ordinal ? row.Values.Distinct().Order().ToList().IndexOf(row[dst]) + 1 : row[dst];
    }

    /// <summary>The cost map of one mode: every PID pair of the table.</summary>
    public Dictionary<string, Dictionary<string, double>> CostMap(bool ordinal) =>
        Settings.Costs.ToDictionary(
            src => src.Key,
            src => src.Value.Keys.ToDictionary(dst => dst, dst => Cost(src.Key, dst, ordinal), StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>The key an awkward server writes: IPv6 fully expanded in upper case, IPv4 as sent.</summary>
    public static string NonCanonicalKey(string typedAddress)
    {
        var address = AddressOf(typedAddress);
        if (address is null || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return typedAddress;
        }

        var bytes = address.GetAddressBytes();
        var groups = Enumerable.Range(0, 8).Select(i => ((bytes[2 * i] << 8) | bytes[(2 * i) + 1]).ToString("X4", CultureInfo.InvariantCulture));
        return "ipv6:" + string.Join(':', groups);
    }

    private static IPAddress? AddressOf(string typedAddress)
    {
        var colon = typedAddress.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !IPAddress.TryParse(typedAddress.AsSpan(colon + 1), out var address))
        {
            return null;
        }

        var family = typedAddress[..colon] switch
        {
            "ipv4" => System.Net.Sockets.AddressFamily.InterNetwork,
            "ipv6" => System.Net.Sockets.AddressFamily.InterNetworkV6,
            _ => System.Net.Sockets.AddressFamily.Unknown,
        };
        return address.AddressFamily == family ? address : null;
    }
}

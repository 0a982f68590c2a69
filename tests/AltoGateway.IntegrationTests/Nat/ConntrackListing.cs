using System.Globalization;
using System.Net;
using AltoGateway.Nat;

namespace AltoGateway.IntegrationTests.Nat;

/// <summary>
/// The source-NATed flows of <c>conntrack -L</c>, keyed by their external side: what the NAT map
/// must hold once the feed has caught up. A line reads e.g.
/// <c>udp 17 599 src=10.77.0.2 dst=192.0.2.100 sport=30001 dport=7001 [UNREPLIED] src=192.0.2.100 dst=198.51.100.10 sport=7001 dport=20417 mark=0 use=1</c>.
/// </summary>
internal static class ConntrackListing
{
    public static async Task<Dictionary<(NatProtocol, IPAddress, ushort), IPEndPoint>> ReadAsync(NatTopology topology)
    {
        var (exit, output) = await topology.InRouterAsync(topology.Conntrack, ["-L"]);
        Assert.True(exit == 0, $"conntrack -L failed ({exit}): {output}");
        var flows = new Dictionary<(NatProtocol, IPAddress, ushort), IPEndPoint>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var protocol = line.Split(' ', 2)[0] switch
            {
                "tcp" => NatProtocol.Tcp,
                "udp" => NatProtocol.Udp,
                _ => (NatProtocol)0,
            };
            if (protocol == 0)
            {
                continue; // the "N flow entries have been shown" line, or another protocol
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(f => f.Contains('=', StringComparison.Ordinal))
                .Select(f => f.Split('=', 2))
                .ToList();
            string Nth(string key, int n) => fields.Where(f => f[0] == key).ElementAt(n)[1];
            var source = new IPEndPoint(IPAddress.Parse(Nth("src", 0)), int.Parse(Nth("sport", 0), CultureInfo.InvariantCulture));
            var external = new IPEndPoint(IPAddress.Parse(Nth("dst", 1)), int.Parse(Nth("dport", 1), CultureInfo.InvariantCulture));
            if (!source.Equals(external))
            {
                flows[(protocol, external.Address, (ushort)external.Port)] = source;
            }
        }

        return flows;
    }
}

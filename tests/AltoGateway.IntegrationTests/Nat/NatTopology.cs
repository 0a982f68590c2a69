using System.Globalization;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Nat;

/// <summary>
/// Three network namespaces, named uniquely per run and deleted on dispose:
/// <c>sub</c> (subscribers 10.77.0.2 and 10.77.0.3 on one veth) — <c>rtr</c> (forwarding, nft SNAT of
/// 10.77.0.0/24 to the public pool 198.51.100.10-198.51.100.11 and a port range, conntrack) —
/// <c>out</c> (192.0.2.100, with a route to the pool through the router). TEST-NET addresses only
/// exist on these veths, so nothing leaks to the machine's own network.
/// </summary>
internal sealed class NatTopology : IAsyncDisposable
{
    public const string Subscriber1 = "10.77.0.2";
    public const string Subscriber2 = "10.77.0.3";
    public const string Outside = "192.0.2.100";
    public const string PoolFirst = "198.51.100.10";
    public const string PoolLast = "198.51.100.11";

    private readonly string _ip;
    private readonly List<string> _created = [];

    private NatTopology(string prefix, string ip, string conntrack)
    {
        _ip = ip;
        Conntrack = conntrack;
        Subscribers = $"{prefix}-sub";
        Router = $"{prefix}-rtr";
        OutsideHost = $"{prefix}-out";
    }

    public string Subscribers { get; }

    public string Router { get; }

    public string OutsideHost { get; }

    public string Conntrack { get; }

    /// <summary>Builds the namespaces; SNAT maps to the pool's ports <paramref name="firstPort"/>-<paramref name="lastPort"/>.</summary>
    public static async Task<NatTopology> CreateAsync(int firstPort, int lastPort)
    {
        TestEnvironment.RequireRoot("creates network namespaces, veths and nft rules");
        var ip = TestEnvironment.RequireTool("ip", "iproute2");
        var nft = TestEnvironment.RequireTool("nft", "nftables");
        var conntrack = TestEnvironment.RequireTool("conntrack", "conntrack");
        var topology = new NatTopology($"agw{Guid.NewGuid().ToString("N")[..8]}", ip, conntrack);
        try
        {
            await topology.BuildAsync(nft, firstPort, lastPort);
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a tool inside the router namespace (<c>ip netns exec</c>).</summary>
    public Task<(int Exit, string Output)> InRouterAsync(string tool, IEnumerable<string> arguments, string? input = null) =>
        ToolProcess.RunAsync(_ip, ["netns", "exec", Router, tool, .. arguments], input);

    public async ValueTask DisposeAsync()
    {
        foreach (var ns in Enumerable.Reverse(_created))
        {
            await ToolProcess.RunAsync(_ip, ["netns", "delete", ns]);
        }

        _created.Clear();
    }

    private async Task BuildAsync(string nft, int firstPort, int lastPort)
    {
        foreach (var ns in new[] { Subscribers, Router, OutsideHost })
        {
            await IpAsync("netns", "add", ns);
            _created.Add(ns);
            await IpAsync("-n", ns, "link", "set", "lo", "up");
        }

        // Interface names live inside each namespace, so fixed names never collide between runs.
        await IpAsync("link", "add", "s0", "netns", Subscribers, "type", "veth", "peer", "name", "r0", "netns", Router);
        await IpAsync("link", "add", "r1", "netns", Router, "type", "veth", "peer", "name", "o0", "netns", OutsideHost);
        await IpAsync("-n", Subscribers, "addr", "add", $"{Subscriber1}/24", "dev", "s0");
        await IpAsync("-n", Subscribers, "addr", "add", $"{Subscriber2}/24", "dev", "s0");
        await IpAsync("-n", Subscribers, "link", "set", "s0", "up");
        await IpAsync("-n", Subscribers, "route", "add", "default", "via", "10.77.0.1");
        await IpAsync("-n", Router, "addr", "add", "10.77.0.1/24", "dev", "r0");
        await IpAsync("-n", Router, "link", "set", "r0", "up");
        await IpAsync("-n", Router, "addr", "add", "192.0.2.1/24", "dev", "r1");
        await IpAsync("-n", Router, "link", "set", "r1", "up");
        await IpAsync("-n", OutsideHost, "addr", "add", $"{Outside}/24", "dev", "o0");
        await IpAsync("-n", OutsideHost, "link", "set", "o0", "up");
        await IpAsync("-n", OutsideHost, "route", "add", "198.51.100.0/24", "via", "192.0.2.1");

        var ports = string.Create(CultureInfo.InvariantCulture, $"{firstPort}-{lastPort}");
        var ruleset = $$"""
            table ip altogw_test {
              chain postrouting {
                type nat hook postrouting priority srcnat; policy accept;
                oifname "r1" ip saddr 10.77.0.0/24 meta l4proto { tcp, udp } snat to {{PoolFirst}}-{{PoolLast}}:{{ports}}
              }
            }
            """;
        await RouterAsync(nft, ["-f", "-"], ruleset);

        // Forwarding on; UDP flows outlive the test (the default 30 s would expire them mid-test).
        await RouterAsync("sh", ["-c",
            "echo 1 > /proc/sys/net/ipv4/ip_forward && " +
            "echo 600 > /proc/sys/net/netfilter/nf_conntrack_udp_timeout && " +
            "echo 600 > /proc/sys/net/netfilter/nf_conntrack_udp_timeout_stream"]);
    }

    private async Task IpAsync(params string[] arguments)
    {
        var (exit, output) = await ToolProcess.RunAsync(_ip, arguments);
        Assert.True(exit == 0, $"ip {string.Join(' ', arguments)} failed ({exit}): {output}");
    }

    private async Task RouterAsync(string tool, string[] arguments, string? input = null)
    {
        var (exit, output) = await InRouterAsync(tool, arguments, input);
        Assert.True(exit == 0, $"{tool} {string.Join(' ', arguments)} in {Router} failed ({exit}): {output}");
    }
}
